package vn.dvctt.geo;

import java.util.List;

/**
 * What an import did, or why it did nothing: a file with any problem is refused whole, so that a
 * province never ends up with half a tree.
 */
public record UnitImportReport(int lines, int created, int updated, int unchanged, List<ImportProblem> problems) {

    public boolean applied() {
        return problems.isEmpty();
    }

    static UnitImportReport refused(int lines, List<ImportProblem> problems) {
        return new UnitImportReport(lines, 0, 0, 0, List.copyOf(problems));
    }
}
