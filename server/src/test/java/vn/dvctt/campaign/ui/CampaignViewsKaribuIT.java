package vn.dvctt.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignIndicatorData;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.campaign.UnitProgress;
import vn.dvctt.campaign.ValueEntry;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.ui.KaribuViewTest;

class CampaignViewsKaribuIT extends KaribuViewTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    UnitPaths unitPaths;

    private CampaignId activeCampaign() {
        return fixture.as("qn.organizer", () -> {
            CampaignId id = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK,
                    "Kế hoạch 170/KH-UBND", LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 31),
                    unitPaths.idOfCode("22").orElseThrow())).id();
            long online = campaigns.addIndicator(id, "CD92-02").id();
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, LocalDate.of(2022, 8, 31), new BigDecimal("30"));
            campaigns.setStatus(id, CampaignStatus.ACTIVE);
            campaigns.enterValue(ValueEntry.ratio(online, unitPaths.idOfCode("06757").orElseThrow(),
                    LocalDate.of(2022, 6, 30), 45, 100, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unitPaths.idOfCode("06760").orElseThrow(),
                    LocalDate.of(2022, 6, 30), 10, 100, ""));
            return id;
        });
    }

    @Test
    void organizerCreatesACampaignAndLandsOnItsPage() {
        signIn("qn.organizer");
        navigate("campaigns");
        _click(_get(Button.class, s -> s.withId("campaign-new")));
        _setValue(_get(TextField.class, s -> s.withId("campaign-title")), "Phong trào thi đua chuyển đổi số");
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-starts")), LocalDate.of(2025, 1, 1));
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-ends")), LocalDate.of(2025, 12, 31));
        _click(_get(Button.class, s -> s.withId("campaign-save")));
        assertThat(_get(H2.class, s -> s.withId("campaign-heading")).getText())
                .isEqualTo("Phong trào thi đua chuyển đổi số");
        assertThat(_get(Span.class, s -> s.withId("campaign-status")).getText()).isEqualTo("Dự thảo");
    }

    @Test
    void aCampaignEndingBeforeItStartsIsExplainedInVietnamese() {
        signIn("qn.organizer");
        navigate("campaigns");
        _click(_get(Button.class, s -> s.withId("campaign-new")));
        _setValue(_get(TextField.class, s -> s.withId("campaign-title")), "Ngược");
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-starts")), LocalDate.of(2025, 12, 31));
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-ends")), LocalDate.of(2025, 1, 1));
        _click(_get(Button.class, s -> s.withId("campaign-save")));
        assertThat(_find(Span.class).stream().map(Span::getText))
                .anyMatch(t -> t.startsWith("Ngày kết thúc (") && t.contains("trước ngày bắt đầu"));
    }

    @Test
    void leaderReadsTheProvinceResultAndTheRankingWithTheLaggingCommuneLast() {
        CampaignId id = activeCampaign();
        signIn("qn.leader");
        navigate("campaigns/" + id.value());
        assertThat(_find(Button.class, s -> s.withId("campaign-enter-value"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("campaign-add-indicator"))).isEmpty();
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-as-of")), LocalDate.of(2022, 7, 1));
        @SuppressWarnings("unchecked")
        Grid<CampaignView.Row> indicators = _get(Grid.class, s -> s.withId("campaign-indicators"));
        CampaignView.Row row = GridKt._get(indicators, 0);
        assertThat(row.progress().value()).isEqualByComparingTo("27.50"); // 55/200, not the mean of 45 % and 10 %
        indicators.select(row); // the ranking of the units below shows for the selected indicator
        @SuppressWarnings("unchecked")
        Grid<UnitProgress> ranking = _get(Grid.class, s -> s.withId("campaign-ranking"));
        assertThat(GridKt._size(ranking)).isEqualTo(2); // Bình Liêu and Hạ Long below Quảng Ninh
        assertThat(GridKt._get(ranking, 0).unit().displayName()).isEqualTo("Huyện Bình Liêu");
        assertThat(GridKt._get(ranking, 1).progress().value()).isNull();

        _click(_get(Button.class, s -> s.withId("campaign-snapshot")));
        indicators = _get(Grid.class, s -> s.withId("campaign-indicators"));
        indicators.select(GridKt._get(indicators, 0));
        @SuppressWarnings("unchecked")
        Grid<vn.dvctt.campaign.TrendPoint> trend = _get(Grid.class, s -> s.withId("campaign-trend"));
        assertThat(GridKt._size(trend)).isEqualTo(1);
        assertThat(GridKt._get(trend, 0).value()).isEqualByComparingTo("27.50");
        assertThat(_get(vn.dvctt.shared.ui.TrendChart.class, s -> s.withId("campaign-trend-chart")).getElement()
                .getAttribute("data-series")).contains("\"data\":[27.50]", "\"data\":[null]");
    }

    @Test
    void communeSubmitsItsPeriodAndTheProvinceApprovesItFromTheCampaignPage() {
        CampaignId id = activeCampaign();
        signIn("hoanhmo.organizer");
        navigate("campaigns/" + id.value());
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-as-of")), LocalDate.of(2022, 6, 30));
        _click(_get(Button.class, s -> s.withId("campaign-submit")));
        signIn("qn.organizer");
        navigate("campaigns/" + id.value());
        @SuppressWarnings("unchecked")
        Grid<vn.dvctt.campaign.ApprovalData> waiting = _get(Grid.class, s -> s.withId("campaign-approvals"));
        assertThat(GridKt._size(waiting)).isEqualTo(1);
        assertThat(GridKt._get(waiting, 0).unit().displayName()).isEqualTo("Xã Hoành Mô");
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(waiting, 0,
                "actions");
        _click((Button) actions.getComponentAt(0));
        assertThat(_find(Grid.class, s -> s.withId("campaign-approvals"))).isEmpty();
        assertThat(fixture.as("qn.organizer", () -> approvals.state(id, unitPaths.idOfCode("06757").orElseThrow(),
                LocalDate.of(2022, 6, 30)))).contains(vn.dvctt.campaign.ApprovalState.APPROVED);
    }

    @Autowired
    vn.dvctt.campaign.CampaignApprovals approvals;

    @Test
    void communeOrganizerEntersHisValueAndATooLargeNumeratorIsRefused() {
        CampaignId id = activeCampaign();
        signIn("hoanhmo.organizer");
        navigate("campaigns/" + id.value());
        assertThat(_find(Button.class, s -> s.withId("campaign-add-indicator"))).isEmpty();
        _click(_get(Button.class, s -> s.withId("campaign-enter-value")));
        @SuppressWarnings("unchecked")
        ComboBox<CampaignIndicatorData> indicator = _get(ComboBox.class, s -> s.withId("campaign-indicator-pick"));
        _setValue(indicator, campaigns.find(id).map(CampaignData::indicators).orElseThrow().get(0));
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-value-period")), LocalDate.of(2022, 7, 15));
        _setValue(_get(BigDecimalField.class, s -> s.withId("campaign-value-numerator")), new BigDecimal("120"));
        _setValue(_get(BigDecimalField.class, s -> s.withId("campaign-value-denominator")), new BigDecimal("100"));
        _click(_get(Button.class, s -> s.withId("campaign-dialog-save")));
        assertThat(_find(Span.class).stream().map(Span::getText)).contains("Tử số (120) lớn hơn mẫu số (100).");

        _setValue(_get(BigDecimalField.class, s -> s.withId("campaign-value-numerator")), new BigDecimal("60"));
        _click(_get(Button.class, s -> s.withId("campaign-dialog-save")));
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-as-of")), LocalDate.of(2022, 7, 20));
        @SuppressWarnings("unchecked")
        Grid<CampaignView.Row> indicators = _get(Grid.class, s -> s.withId("campaign-indicators"));
        assertThat(GridKt._get(indicators, 0).progress().value()).isEqualByComparingTo("60.00");
    }

    @Test
    void leaderClicksADistrictInTheRankingAndSeesItsCommunesAndWhoLags() {
        CampaignId id = activeCampaign();
        signIn("qn.leader");
        navigate("campaigns/" + id.value());
        _setValue(_get(DatePicker.class, s -> s.withId("campaign-as-of")), LocalDate.of(2022, 7, 1));
        @SuppressWarnings("unchecked")
        Grid<CampaignView.Row> indicators = _get(Grid.class, s -> s.withId("campaign-indicators"));
        indicators.select(GridKt._get(indicators, 0));
        @SuppressWarnings("unchecked")
        Grid<vn.dvctt.campaign.Lag> lagging = _get(Grid.class, s -> s.withId("campaign-lagging"));
        assertThat(GridKt._size(lagging)).as("communes of the province below 30 %: Đồng Văn, and Hồng Gai unreported")
                .isEqualTo(2);
        assertThat(GridKt._get(lagging, 0).unit().displayName()).isEqualTo("Xã Đồng Văn");
        assertThat(GridKt._get(lagging, 0).gap()).isEqualByComparingTo("20");
        assertThat(GridKt._get(lagging, 1).unreported()).isTrue();

        @SuppressWarnings("unchecked")
        Grid<UnitProgress> ranking = _get(Grid.class, s -> s.withId("campaign-ranking"));
        GridKt._clickItem(ranking, 0); // Huyện Bình Liêu

        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation()
                .getPathWithQueryParameters()).isEqualTo("campaigns/" + id.value() + "?unit=198");
        assertThat(_find(com.vaadin.flow.router.RouterLink.class).stream().map(com.vaadin.flow.router.RouterLink::getText))
                .contains("Tỉnh Quảng Ninh");
        indicators = _get(Grid.class, s -> s.withId("campaign-indicators"));
        assertThat(GridKt._get(indicators, 0).progress().value()).isEqualByComparingTo("27.50");
        indicators.select(GridKt._get(indicators, 0));
        ranking = _get(Grid.class, s -> s.withId("campaign-ranking"));
        assertThat(GridKt._size(ranking)).isEqualTo(2);
        assertThat(GridKt._get(ranking, 0).unit().displayName()).isEqualTo("Xã Hoành Mô");
    }

    @Autowired
    vn.dvctt.campaign.CampaignTasks tasks;

    @Test
    void organizerAddsATaskThatIsAlreadyLateAndTheCommuneRecordsProgressOnIt() {
        CampaignId id = activeCampaign();
        signIn("qn.organizer");
        navigate("campaigns/" + id.value() + "/tasks");
        _click(_get(Button.class, s -> s.withId("tasks-add-group")));
        _setValue(_get(TextField.class, s -> s.withId("tasks-group-name")), "Tuyên truyền, hướng dẫn");
        _click(_get(Button.class, s -> s.withId("tasks-dialog-save")));
        _click(_get(Button.class, s -> s.withId("tasks-add")));
        @SuppressWarnings("unchecked")
        ComboBox<vn.dvctt.campaign.SolutionGroupData> group = _get(ComboBox.class, s -> s.withId("task-group"));
        _setValue(group, tasks.groups(id).get(0));
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("task-title")),
                "Tập huấn số hóa hồ sơ, kết quả giải quyết thủ tục hành chính");
        _setValue(_get(TextField.class, s -> s.withId("task-lead")), "Văn phòng UBND tỉnh");
        _setValue(_get(TextField.class, s -> s.withId("task-coordinating")), "Sở Thông tin và Truyền thông; Sở Nội vụ");
        @SuppressWarnings("unchecked")
        ComboBox<vn.dvctt.geo.UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("task-unit"));
        _setValue(unit, units.search("hoanh mo", 5).get(0));
        _setValue(_get(DatePicker.class, s -> s.withId("task-deadline")), LocalDate.now().minusDays(4));
        _click(_get(Button.class, s -> s.withId("tasks-dialog-save")));

        @SuppressWarnings("unchecked")
        Grid<vn.dvctt.campaign.TaskData> grid = _get(Grid.class, s -> s.withId("tasks-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        vn.dvctt.campaign.TaskData task = GridKt._get(grid, 0);
        assertThat(task.daysOverdue()).isEqualTo(4);
        assertThat(task.coordinatingAgencies()).containsExactly("Sở Thông tin và Truyền thông", "Sở Nội vụ");
        assertThat(_get(Span.class, s -> s.withId("tasks-summary")).getText()).contains("1 quá hạn");

        signIn("hoanhmo.organizer");
        com.vaadin.flow.component.UI.getCurrent().navigate("campaigns/" + id.value() + "/tasks",
                com.vaadin.flow.router.QueryParameters.of("overdue", ""));
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, s -> s.withId("tasks-overdue-only")).getValue())
                .isTrue();
        grid = _get(Grid.class, s -> s.withId("tasks-grid"));
        GridKt._clickItem(grid, 0);
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("task-note")),
                "Đã tổ chức 2 lớp cho cán bộ một cửa");
        _click(_get(Button.class, s -> s.withId("task-add-note")));
        assertThat(_find(Span.class).stream().map(Span::getText)).contains("Đã tổ chức 2 lớp cho cán bộ một cửa");
        assertThat(fixture.as("qn.leader", () -> tasks.task(task.id(), LocalDate.now())).status())
                .isEqualTo(vn.dvctt.campaign.TaskStatus.IN_PROGRESS);
    }

    @Autowired
    vn.dvctt.geo.AdminUnitService units;
}
