package vn.dvctt.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;
import vn.dvctt.training.TrainingStats;
import vn.dvctt.training.UnitStats;
import vn.dvctt.ui.Translations;
import vn.dvctt.venue.VenueData;

/** The training figures of a commune: totals, rows per village, and the same figures in the XLSX file. */
class TrainingDashboardViewKaribuIT extends vn.dvctt.ui.KaribuViewTest {

    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;
    @Autowired
    Translations translations;

    @BeforeEach
    void sessions() {
        data.addVenuesAndProcedures();
        data.fixture.as("hoanhmo.organizer", () -> {
            report(data.pacPoc, 10, 5, 2);
            report(data.kheMa, 50, 50, 7);
            training.schedule(plan(data.kheMa, day(1, 8), 1, "Sắp tới"));
        });
    }

    private void report(VenueData venue, int expected, int participants, int submissions) {
        var p = plan(venue, day(-1, 8), 2, "Đã báo cáo " + venue.name());
        long id = training.schedule(new vn.dvctt.training.SessionPlan(p.venueId(), p.startsAt(), p.endsAt(), p.topic(),
                p.audience(), null, p.facilitators(), p.plannedGuides(), expected)).id();
        training.markHeld(id);
        training.report(id, SessionResults.participants(participants,
                List.of(new AssistedSubmission("1.001193", submissions, List.of()))));
    }

    @Test
    void organizerSeesTheCommunesTotalsAndOneRowPerVillage() {
        signIn("hoanhmo.organizer");
        navigate("training/dashboard");
        _setValue(_get(DatePicker.class, s -> s.withId("dashboard-from")), day(-5, 0).toLocalDate());
        _setValue(_get(DatePicker.class, s -> s.withId("dashboard-to")), day(5, 0).toLocalDate());

        assertThat(_get(Span.class, s -> s.withId("dashboard-participants")).getText()).isEqualTo("55");
        assertThat(_get(Span.class, s -> s.withId("dashboard-planned")).getText()).isEqualTo("1");
        assertThat(_get(Span.class, s -> s.withId("dashboard-submissions")).getText()).isEqualTo("9");
        // 55 of 60 expected, not the mean of 50 % and 100 %
        assertThat(_get(Span.class, s -> s.withId("dashboard-attendance")).getText()).isEqualTo("91,7%");
        @SuppressWarnings("unchecked")
        Grid<UnitStats> grid = _get(Grid.class, s -> s.withId("dashboard-units"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
                .map(u -> u.unitName() + " " + u.participants()).toList())
                .containsExactly("Bản Khe Mạ 50", "Bản Pắc Pộc 5");
    }

    @Test
    void aBackwardsPeriodIsExplained() {
        signIn("hoanhmo.organizer");
        navigate("training/dashboard");
        _setValue(_get(DatePicker.class, s -> s.withId("dashboard-from")), day(5, 0).toLocalDate());
        _setValue(_get(DatePicker.class, s -> s.withId("dashboard-to")), day(-5, 0).toLocalDate());
        assertThat(_get(Span.class, s -> s.withId("dashboard-error")).getText()).startsWith("Chọn khoảng thời gian");
    }

    private static Map<Integer, Row> byNumber(List<Row> rows) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(Row::getRowNum, r -> r));
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.dvctt.team.TeamService teams;

    @Test
    void theWorkbookHoldsTheSameFiguresAsTheScreen() throws Exception {
        TrainingStats stats = data.fixture.as("hoanhmo.organizer", () -> training.stats(data.unit("06757"),
                day(-5, 0).toLocalDate(), day(5, 0).toLocalDate()));
        data.fixture.as("hoanhmo.organizer", () -> teams.create(new vn.dvctt.team.TeamDraft(data.unit("06757-02"),
                "Tổ công nghệ số cộng đồng bản Khe Mạ", "5/QĐ-UBND", day(-100, 0).toLocalDate(), "Chủ tịch UBND xã")));
        vn.dvctt.team.TeamCoverage coverage = data.fixture.as("hoanhmo.organizer",
                () -> teams.coverage(data.unit("06757")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainingWorkbook.write(stats, coverage, (key, args) -> translations.getTranslation(key, Translations.ENGLISH, args),
                code -> Map.of("1.001193", "Đăng ký khai sinh").getOrDefault(code, ""), out);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("By unit", "By procedure", "Digital technology teams");
            // spreadsheet row numbers, from 1; the reader leaves out the blank row under the title
            Map<Integer, Row> units = byNumber(sheets.get(0).read());
            assertThat(units.get(1).getCellText(0)).startsWith("Xã Hoành Mô");
            assertThat(units.get(3).getCellText(5)).isEqualTo("Participants");
            assertThat(units.get(4).getCellText(0)).isEqualTo("Bản Khe Mạ");
            assertThat(units.get(4).getCellText(5)).isEqualTo("50");
            assertThat(units.get(6).getCellText(0)).isEqualTo("Total");
            assertThat(units.get(6).getCellText(5)).isEqualTo("55");
            assertThat(Double.parseDouble(units.get(6).getCellText(7))).isEqualTo(55.0 / 60);
            Map<Integer, Row> procedures = byNumber(sheets.get(1).read());
            assertThat(procedures.get(2).getCellText(0)).isEqualTo("1.001193");
            assertThat(procedures.get(2).getCellText(1)).isEqualTo("Đăng ký khai sinh");
            assertThat(procedures.get(2).getCellText(2)).isEqualTo("9");
            Map<Integer, Row> teamRows = byNumber(sheets.get(2).read());
            Row total = teamRows.values().stream().filter(r -> r.getCellText(0).equals("Total")).findFirst().orElseThrow();
            assertThat(total.getCellText(1)).isEqualTo("1"); // one team
            assertThat(total.getCellText(4)).isEqualTo("1"); // one village of the commune covered
            assertThat(total.getCellText(5)).isEqualTo("2"); // of its two villages
        }
    }
}
