package vn.dvctt.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.procedure.ProcedureData;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.training.TrainingService;
import vn.dvctt.training.TrainingStats;
import vn.dvctt.training.UnitStats;

/** Training figures per unit and period, per child unit in a sortable grid, and as an XLSX download. */
@Route("training/dashboard")
@PermitAll
class TrainingDashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TrainingService training;
    private final ProcedureService procedures;
    private final vn.dvctt.team.TeamService teams;
    private final UnitPicker unit;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div figures = new Div();
    private final Grid<UnitStats> units = new Grid<>();
    private final Grid<Map.Entry<String, Integer>> byProcedure = new Grid<>();
    private final Span error = new Span();

    TrainingDashboardView(TrainingService training, ProcedureService procedures, AdminUnitService adminUnits,
                          vn.dvctt.team.TeamService teams) {
        this.training = training;
        this.teams = teams;
        this.procedures = procedures;
        setSizeFull();
        unit = new UnitPicker(adminUnits, getTranslation("training.unit"));
        unit.setId("dashboard-unit");
        LocalDate today = LocalDate.now(TrainingService.ZONE);
        from.setLabel(getTranslation("training.dashboard.from"));
        from.setId("dashboard-from");
        from.setValue(today.withDayOfMonth(1).minusMonths(2));
        to.setLabel(getTranslation("training.dashboard.to"));
        to.setId("dashboard-to");
        to.setValue(today.withDayOfMonth(today.lengthOfMonth()));
        unit.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        Anchor export = new Anchor(download(), getTranslation("training.dashboard.export"));
        export.setId("dashboard-export");
        export.getElement().setAttribute("download", true);
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        HorizontalLayout toolbar = new HorizontalLayout(unit, from, to, export);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        error.setId("dashboard-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        figures.setId("dashboard-figures");
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        units.setId("dashboard-units");
        units.addColumn(UnitStats::unitName).setKey("unit").setHeader(getTranslation("training.dashboard.unit"))
                .setComparator(VietnameseText.byName(UnitStats::unitName)).setSortable(true).setFlexGrow(2);
        column("planned", UnitStats::planned);
        column("held", UnitStats::held);
        column("reported", UnitStats::reported);
        column("cancelled", UnitStats::cancelled);
        column("participants", UnitStats::participants);
        units.addColumn(UnitStats::assistedSubmissions).setKey("submissions")
                .setHeader(getTranslation("training.dashboard.submissions"))
                .setComparator(Comparator.comparingInt(UnitStats::assistedSubmissions)).setSortable(true);
        units.addColumn(u -> percent(u.attendanceRate())).setKey("attendance")
                .setHeader(getTranslation("training.dashboard.attendance"))
                .setComparator(Comparator.comparing(UnitStats::attendanceRate,
                        Comparator.nullsFirst(Comparator.naturalOrder()))).setSortable(true);
        units.setAllRowsVisible(true);

        byProcedure.setId("dashboard-procedures");
        byProcedure.addColumn(Map.Entry::getKey).setHeader(getTranslation("training.dashboard.procedure"))
                .setAutoWidth(true);
        byProcedure.addColumn(e -> procedures.find(e.getKey()).map(ProcedureData::name).orElse(""))
                .setHeader(getTranslation("training.dashboard.procedureName")).setFlexGrow(3);
        byProcedure.addColumn(Map.Entry::getValue).setHeader(getTranslation("training.dashboard.count"))
                .setAutoWidth(true);
        byProcedure.setAllRowsVisible(true);
        add(toolbar, error, figures, units, new H4(getTranslation("training.dashboard.byProcedure")), byProcedure);
        refresh();
    }

    private void column(String key, java.util.function.ToIntFunction<UnitStats> value) {
        units.addColumn(value::applyAsInt).setKey(key).setHeader(getTranslation("training.dashboard." + key))
                .setComparator(Comparator.comparingInt(value)).setSortable(true);
    }

    private String percent(Double rate) {
        if (rate == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    private TrainingStats stats() {
        return training.stats(unit.getValue().id(), from.getValue(), to.getValue());
    }

    private void refresh() {
        figures.removeAll();
        if (unit.getValue() == null) {
            return;
        }
        TrainingStats stats;
        try {
            stats = stats();
            error.setText("");
        } catch (InvalidInputException e) {
            error.setText(getTranslation(e.messageKey(), e.args()));
            units.setItems(List.of());
            byProcedure.setItems(List.of());
            return;
        }
        UnitStats total = stats.total();
        figures.add(figure("planned", String.valueOf(total.planned())), figure("held", String.valueOf(total.held())),
                figure("reported", String.valueOf(total.reported())),
                figure("cancelled", String.valueOf(total.cancelled())),
                figure("participants", String.valueOf(total.participants())),
                figure("submissions", String.valueOf(total.assistedSubmissions())),
                figure("attendance", percent(total.attendanceRate())));
        vn.dvctt.team.TeamCoverage.Row reach = teams.coverage(unit.getValue().id()).total();
        figures.add(figure("teams", String.valueOf(reach.teams())), figure("members", String.valueOf(reach.members())),
                figure("trained", String.valueOf(reach.trainedMembers())),
                figure("villageCoverage", reach.villagesWithTeam() + "/" + reach.villages()),
                figure("communeCoverage", reach.communesWithTeam() + "/" + reach.communes()));
        units.setItems(stats.byChild());
        byProcedure.setItems(List.copyOf(stats.byProcedure().entrySet()));
    }

    private Component figure(String key, String value) {
        Span number = new Span(value.isEmpty() ? "–" : value);
        number.setId("dashboard-" + key);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span label = new Span(getTranslation("training.dashboard." + key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(number, label);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("padding", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "9rem");
        return card;
    }

    /** Computed when clicked, for the unit and period shown then, as the signed-in user. */
    private DownloadHandler download() {
        return event -> {
            TrainingStats stats = stats();
            event.setFileName("tap-huan-" + stats.total().unitCode() + "-" + stats.from() + "-" + stats.to() + ".xlsx");
            event.setContentType(XLSX);
            TrainingWorkbook.write(stats, teams.coverage(unit.getValue().id()), (key, args) -> getTranslation(key, args),
                    code -> procedures.find(code).map(ProcedureData::name).orElse(""), event.getOutputStream());
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.dashboard.title");
    }
}
