package vn.dvctt.training.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.dvctt.training.TrainingStats;
import vn.dvctt.training.UnitStats;

/** The dashboard's figures as an XLSX workbook: one sheet per unit, one per procedure, in the user's language. */
final class TrainingWorkbook {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static void write(TrainingStats stats, vn.dvctt.team.TeamCoverage teams,
                      BiFunction<String, Object[], String> translate, Function<String, String> procedureName,
                      OutputStream out) throws IOException {
        Function<String, String> t = key -> translate.apply(key, new Object[0]);
        Workbook workbook = new Workbook(out, "DVCTT", "1.0");
        Worksheet units = workbook.newWorksheet(t.apply("training.dashboard.sheet.units"));
        units.value(0, 0, stats.total().unitName() + " · " + stats.from().format(DATE) + " – "
                + stats.to().format(DATE));
        List<String> headers = List.of("training.dashboard.unit", "training.dashboard.planned", "training.dashboard.held",
                "training.dashboard.reported", "training.dashboard.cancelled", "training.dashboard.participants",
                "training.dashboard.submissions", "training.dashboard.attendance");
        for (int c = 0; c < headers.size(); c++) {
            units.value(2, c, t.apply(headers.get(c)));
            units.style(2, c).bold().set();
        }
        int row = 3;
        for (UnitStats u : stats.byChild()) {
            unitRow(units, row++, u.unitName(), u);
        }
        unitRow(units, row, t.apply("training.dashboard.total"), stats.total());
        units.style(row, 0).bold().set();
        units.width(0, 32);

        Worksheet procedures = workbook.newWorksheet(t.apply("training.dashboard.sheet.procedures"));
        procedures.value(0, 0, t.apply("training.dashboard.procedure"));
        procedures.value(0, 1, t.apply("training.dashboard.procedureName"));
        procedures.value(0, 2, t.apply("training.dashboard.count"));
        for (int c = 0; c < 3; c++) {
            procedures.style(0, c).bold().set();
        }
        int line = 1;
        for (Map.Entry<String, Integer> e : stats.byProcedure().entrySet()) {
            procedures.value(line, 0, e.getKey());
            procedures.value(line, 1, procedureName.apply(e.getKey()));
            procedures.value(line, 2, e.getValue());
            line++;
        }
        procedures.width(1, 48);

        // Teams as they are now (not per period): coverage and members, per unit below.
        Worksheet coverage = workbook.newWorksheet(t.apply("training.dashboard.sheet.teams"));
        List<String> teamHeaders = List.of("training.dashboard.unit", "training.dashboard.teams",
                "training.dashboard.members", "training.dashboard.trained", "training.dashboard.villagesWithTeam",
                "training.dashboard.villages", "training.dashboard.communesWithTeam", "training.dashboard.communes");
        for (int c = 0; c < teamHeaders.size(); c++) {
            coverage.value(0, c, t.apply(teamHeaders.get(c)));
            coverage.style(0, c).bold().set();
        }
        int teamRow = 1;
        for (vn.dvctt.team.TeamCoverage.Row r : teams.children()) {
            coverageRow(coverage, teamRow++, r.name(), r);
        }
        coverageRow(coverage, teamRow, t.apply("training.dashboard.total"), teams.total());
        coverage.style(teamRow, 0).bold().set();
        coverage.width(0, 32);
        workbook.finish();
    }

    private static void coverageRow(Worksheet sheet, int row, String name, vn.dvctt.team.TeamCoverage.Row r) {
        sheet.value(row, 0, name);
        int[] values = {r.teams(), r.members(), r.trainedMembers(), r.villagesWithTeam(), r.villages(),
                r.communesWithTeam(), r.communes()};
        for (int c = 0; c < values.length; c++) {
            sheet.value(row, c + 1, values[c]);
        }
    }

    private static void unitRow(Worksheet sheet, int row, String name, UnitStats u) {
        sheet.value(row, 0, name);
        sheet.value(row, 1, u.planned());
        sheet.value(row, 2, u.held());
        sheet.value(row, 3, u.reported());
        sheet.value(row, 4, u.cancelled());
        sheet.value(row, 5, u.participants());
        sheet.value(row, 6, u.assistedSubmissions());
        if (u.attendanceRate() != null) {
            sheet.value(row, 7, u.attendanceRate());
            sheet.style(row, 7).format("0.0%").set();
        }
    }

    private TrainingWorkbook() {
    }
}
