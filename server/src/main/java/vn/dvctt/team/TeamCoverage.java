package vn.dvctt.team;

import java.util.List;
import vn.dvctt.geo.UnitId;

/**
 * How far teams reach under one unit. A village is covered when it has an active team; a commune
 * when it or one of its villages has one. {@code trainedMembers} are active members with at least one
 * completed training.
 */
public record TeamCoverage(Row total, List<Row> children) {

    public record Row(UnitId unit, String code, String name, int communes, int communesWithTeam, int villages,
                      int villagesWithTeam, int teams, int members, int trainedMembers) {

        /** Share of villages covered, in per cent (0 when there are none). */
        public double villageShare() {
            return villages == 0 ? 0 : 100.0 * villagesWithTeam / villages;
        }

        public double communeShare() {
            return communes == 0 ? 0 : 100.0 * communesWithTeam / communes;
        }
    }
}
