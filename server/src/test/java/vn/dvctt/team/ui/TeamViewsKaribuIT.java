package vn.dvctt.team.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.team.MemberData;
import vn.dvctt.team.TeamCoverage;
import vn.dvctt.team.TeamData;
import vn.dvctt.team.TeamImportReport;
import vn.dvctt.team.TeamService;
import vn.dvctt.ui.KaribuViewTest;

/** The team pages: list and search, one team's members, coverage, and the import report. */
class TeamViewsKaribuIT extends KaribuViewTest {

    static final String CSV = """
            Mã thôn,Tên tổ,Số quyết định,Ngày quyết định,Họ và tên,Vai trò,Số điện thoại,Năm sinh
            06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,Lục Văn Thắng,Tổ trưởng,0912345601,1985
            06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,Chìu Thị Mai,Thành viên,0983210602,1996
            06757-02,Tổ CNS Khe Mạ,13/QĐ-UBND,16/03/2023,La Văn Cường,Tổ trưởng,0916808631,1987
            """;

    @Autowired
    TeamService teams;

    @BeforeEach
    void teams() {
        TeamImportReport report = fixture.as("qn.organizer", () -> importCsv(CSV));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void organizerFindsATeamWithoutAccentsAndSeesItsMembersWithMaskedPhones() {
        signIn("hoanhmo.organizer");
        navigate("teams");
        assertThat(teamNames()).containsExactly("Tổ CNS Khe Mạ", "Tổ CNS Pắc Pộc");
        _setValue(_get(TextField.class, s -> s.withId("team-search")), "pac poc");
        assertThat(teamNames()).containsExactly("Tổ CNS Pắc Pộc");
        _click((Button) GridKt._getCellComponent(_get(Grid.class, s -> s.withId("team-grid")), 0, "name"));

        assertThat(_get(H2.class, s -> s.withId("team-title")).getText()).isEqualTo("Tổ CNS Pắc Pộc");
        assertThat(members()).extracting(MemberData::fullName).containsExactly("Lục Văn Thắng", "Chìu Thị Mai");
        String page = PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
        assertThat(GridKt._getFormattedRow(memberGrid(), 0)).contains("09xx xxx 601").doesNotContain("0912345601");
        assertThat(page).doesNotContain("0912345601");
    }

    @Test
    void organizerAddsAMemberAndABadPhoneIsRefusedInVietnamese() {
        signIn("hoanhmo.organizer");
        navigate("teams/" + teamId("Tổ CNS Khe Mạ"));
        _click(_get(Button.class, s -> s.withId("team-add-member")));
        Dialog dialog = _get(Dialog.class, s -> s.withId("member-dialog"));
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Họ và tên")), "Sằn Thị Nguyệt");
        TextField phone = _get(dialog, TextField.class, s -> s.withLabel("Số điện thoại"));
        _setValue(phone, "0979 909");
        _click(_get(Button.class, s -> s.withId("member-save")));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).isEqualTo("Số điện thoại không hợp lệ (10 số, bắt đầu bằng 0)");

        _setValue(phone, "0979 909 632");
        _click(_get(Button.class, s -> s.withId("member-save")));
        assertThat(_find(Dialog.class, s -> s.withId("member-dialog"))).isEmpty();
        assertThat(members()).extracting(MemberData::fullName).contains("Sằn Thị Nguyệt");
    }

    @Test
    void aTeamMemberCannotOpenAnotherVillagesTeamNorChangeHisOwn() {
        signIn("pacpoc.member");
        navigate("teams/" + teamId("Tổ CNS Khe Mạ"));
        assertThat(_get(H2.class).getText()).isEqualTo("Không tìm thấy tổ này trong địa bàn của bạn");
        assertThat(PrettyPrintTreeKt.toPrettyTree(UI.getCurrent())).doesNotContain("La Văn Cường");
        navigate("teams/" + teamId("Tổ CNS Pắc Pộc"));
        assertThat(members()).hasSize(2);
        assertThat(_find(Button.class, s -> s.withId("team-add-member"))).isEmpty();
        navigate("teams");
        assertThat(_find(Button.class, s -> s.withId("team-import"))).isEmpty();
        assertThat(teamNames()).containsExactly("Tổ CNS Pắc Pộc");
    }

    @Test
    void coverageShowsFiguresAndASortableTableOfChildUnits() {
        signIn("qn.leader");
        navigate("teams/coverage");
        assertThat(figure("coverage-communes")).isEqualTo("1/3");
        assertThat(figure("coverage-villages")).isEqualTo("2/3");
        assertThat(figure("coverage-members")).isEqualTo("3");
        @SuppressWarnings("unchecked")
        Grid<TeamCoverage.Row> grid = _get(Grid.class, s -> s.withId("coverage-grid"));
        GridKt.sort(grid, new com.vaadin.flow.data.provider.QuerySortOrder("villages",
                com.vaadin.flow.data.provider.SortDirection.DESCENDING));
        assertThat(GridKt._get(grid, 0).name()).isEqualTo("Huyện Bình Liêu");
        GridKt._clickItem(grid, 0);
        assertThat(_get(H2.class, s -> s.withId("coverage-title")).getText())
                .isEqualTo("Độ phủ tổ công nghệ số: Huyện Bình Liêu");
        assertThat(figure("coverage-villages")).isEqualTo("2/3");
    }

    @Test
    void importDialogListsEveryRefusedLineWithItsReason() {
        signIn("qn.organizer");
        navigate("teams");
        _click(_get(Button.class, s -> s.withId("team-import")));
        TeamImportDialog dialog = _get(TeamImportDialog.class);
        dialog.show(importCsv("""
                Mã thôn,Tên tổ,Họ và tên,Số điện thoại
                99999,Tổ lạ,Hoàng Văn Một,0912000222
                06757-01,Tổ CNS Pắc Pộc,,0912000333
                """));
        assertThat(_get(Paragraph.class, s -> s.withId("team-import-summary")).getText())
                .isEqualTo("Không nhập gì: 2 dòng cần sửa");
        @SuppressWarnings("unchecked")
        Grid<TeamImportReport.Problem> problems = _get(Grid.class, s -> s.withId("team-import-problems"));
        assertThat(GridKt._getFormattedRow(problems, 0)).containsExactly("2", "Không có thôn/xã mã \"99999\"");
        assertThat(GridKt._getFormattedRow(problems, 1)).containsExactly("3", "Thiếu họ và tên");
    }

    private TeamImportReport importCsv(String csv) {
        return teams.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "teams.csv");
    }

    private long teamId(String name) {
        return fixture.as("root.admin", () -> teams.search(name, null, true)).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static String figure(String id) {
        return _get(_get(Div.class, s -> s.withId(id)), com.vaadin.flow.component.html.Span.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<MemberData> memberGrid() {
        return _get(Grid.class, s -> s.withId("team-members"));
    }

    private static List<MemberData> members() {
        return GridKt._findAll(memberGrid());
    }

    @SuppressWarnings("unchecked")
    private static List<String> teamNames() {
        Grid<TeamData> grid = _get(Grid.class, s -> s.withId("team-grid"));
        return GridKt._findAll(grid).stream().map(TeamData::name).toList();
    }
}
