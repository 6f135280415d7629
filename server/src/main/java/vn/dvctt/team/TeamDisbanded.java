package vn.dvctt.team;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/** A team stopped serving on {@code disbandedOn}; its memberships were closed, its history kept. */
public record TeamDisbanded(long teamId, UnitId unit, String unitPath, LocalDate disbandedOn) {
}
