package vn.dvctt.training;

import vn.dvctt.geo.UnitId;

/**
 * Counts for one unit (or a whole subtree) over a period. Rates are ratios of sums, never averages
 * of per-session percentages: a session of 5 does not weigh as much as one of 50.
 */
public record UnitStats(UnitId unit, String unitCode, String unitName, int planned, int held, int reported,
                        int cancelled, int participants, int expectedAttendanceOfReported, int assistedSubmissions) {

    /** Sessions that were not cancelled. */
    public int scheduled() {
        return planned + held + reported;
    }

    /** Participants of reported sessions over their expected attendance; null when nothing was expected. */
    public Double attendanceRate() {
        return expectedAttendanceOfReported == 0 ? null : (double) participants / expectedAttendanceOfReported;
    }
}
