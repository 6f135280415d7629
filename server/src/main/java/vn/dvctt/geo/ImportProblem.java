package vn.dvctt.geo;

/** One reason a line of an import file was refused. {@code line} is the spreadsheet line (header = 1). */
public record ImportProblem(int line, String code, Kind kind, String detail) {

    public enum Kind {
        UNREADABLE_FILE, MISSING_COLUMN, EMPTY_CODE, INVALID_CODE, EMPTY_NAME, NAME_TOO_LONG, UNKNOWN_TYPE,
        DUPLICATE_CODE, UNKNOWN_PARENT, CYCLE, ROOT_NOT_EDITABLE, OUTSIDE_SCOPE
    }

    /** The message key of the kind, for the views' translation bundles. */
    public String messageKey() {
        return "import.problem." + kind.name();
    }
}
