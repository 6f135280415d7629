package vn.dvctt.team;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/** A team as its own views show it; only returned to callers whose scope covers its unit. */
public record TeamData(long id, String name, UnitId unit, String unitCode, String unitName, String unitPath,
                       String decisionNumber, LocalDate decisionDate, String decisionSigner, LocalDate disbandedOn,
                       int activeMembers, String leaderName) {

    public boolean active() {
        return disbandedOn == null;
    }
}
