package vn.dvctt.procedure;

import java.util.List;

/** What an import did, or every line it refused; a file with any problem changes nothing. */
public record ProcedureImportReport(int lines, int created, int updated, int unchanged, List<Problem> problems) {

    public record Problem(int line, String code, Kind kind, String detail) {
        public String messageKey() {
            return "procedures.problem." + kind.name();
        }
    }

    public enum Kind {
        UNREADABLE_FILE, MISSING_COLUMN, INVALID_CODE, EMPTY_NAME, EMPTY_FIELD, BAD_YES_NO, UNKNOWN_ONLINE_LEVEL,
        DUPLICATE_CODE
    }

    public boolean applied() {
        return problems.isEmpty();
    }
}
