package vn.dvctt.team;

import java.util.List;

/** What an import of teams and members did, or every line it refused; with any problem nothing changes. */
public record TeamImportReport(int lines, int teamsCreated, int membersAdded, int membersUpdated, int unchanged,
                               List<Problem> problems) {

    /** {@code line} is the spreadsheet line (header = 1); {@code detail} never holds a phone number. */
    public record Problem(int line, Kind kind, String detail) {
        public String messageKey() {
            return "team.problem." + kind.name();
        }
    }

    public enum Kind {
        UNREADABLE_FILE, MISSING_COLUMN, UNKNOWN_VILLAGE, NOT_A_VILLAGE_OR_COMMUNE, OUTSIDE_SCOPE, MISSING_TEAM_NAME,
        BAD_DATE, MISSING_NAME, NAME_TOO_LONG, UNKNOWN_ROLE, BAD_PHONE, BAD_YEAR, UNKNOWN_GENDER, BAD_YES_NO,
        DUPLICATE_MEMBER, TWO_LEADERS, DECISION_MISMATCH
    }

    public boolean applied() {
        return problems.isEmpty();
    }
}
