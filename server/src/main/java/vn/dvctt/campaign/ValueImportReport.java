package vn.dvctt.campaign;

import java.util.List;

/** What a value import did, or every line it refused; a file with any problem changes nothing. */
public record ValueImportReport(int lines, int entered, int corrected, List<Problem> problems) {

    /** {@code line} is the spreadsheet line (header = 1); the key and args are for the translation bundles. */
    public record Problem(int line, String messageKey, List<Object> args) {
    }

    public boolean applied() {
        return problems.isEmpty();
    }
}
