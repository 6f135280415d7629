package vn.dvctt.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitNotFoundException;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.TeamData;
import vn.dvctt.team.TeamDraft;
import vn.dvctt.team.TeamService;
import vn.dvctt.ui.NavEntry;

/** The teams of the caller's area: search without accents, filter by unit, open one; set up, import, export. */
@Route("teams")
@PermitAll
class TeamsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final TeamService teams;
    private final AdminUnitService units;
    private final TextField search = new TextField();
    private final ComboBox<Unit> unitFilter = new ComboBox<>();
    private final Checkbox disbanded = new Checkbox();
    private final Grid<TeamData> grid = new Grid<>();

    /** A unit some team serves, for the filter. */
    record Unit(UnitId id, String name) {
    }

    TeamsView(TeamService teams, AdminUnitService units) {
        this.teams = teams;
        this.units = units;
        setSizeFull();
        search.setId("team-search");
        search.setPlaceholder(getTranslation("team.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> refresh());
        unitFilter.setId("team-unit-filter");
        unitFilter.setPlaceholder(getTranslation("team.unitFilter"));
        unitFilter.setItemLabelGenerator(Unit::name);
        unitFilter.setClearButtonVisible(true);
        unitFilter.addValueChangeListener(e -> refresh());
        disbanded.setLabel(getTranslation("team.showDisbanded"));
        disbanded.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(search, unitFilter, disbanded);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        Button coverage = new Button(getTranslation("team.coverage"), VaadinIcon.PIE_CHART.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TeamCoverageView.class)));
        coverage.setId("team-coverage");
        toolbar.add(coverage);
        if (teams.canImport()) {
            Button create = new Button(getTranslation("team.create"), VaadinIcon.PLUS.create(), e -> createDialog());
            create.setId("team-create");
            Button importButton = new Button(getTranslation("team.import"), VaadinIcon.UPLOAD.create(),
                    e -> new TeamImportDialog(teams, this::refresh).open());
            importButton.setId("team-import");
            toolbar.add(create, importButton);
        }
        if (teams.canExport()) {
            UnitData mine = units.myUnit();
            Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                teams.exportMembers(mine.id(), out);
                byte[] bytes = out.toByteArray();
                return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                        "to-cong-nghe-so-" + mine.code() + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
            }), getTranslation("team.export"));
            export.setId("team-export");
            toolbar.add(export);
        }

        grid.setId("team-grid");
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("team.name")).setFlexGrow(2).setKey("name")
                .setComparator(VietnameseText.byName(TeamData::name));
        grid.addColumn(TeamData::unitName).setHeader(getTranslation("team.unit")).setFlexGrow(1)
                .setComparator(VietnameseText.byName(TeamData::unitName));
        grid.addColumn(t -> decision(t)).setHeader(getTranslation("team.decision")).setAutoWidth(true);
        grid.addColumn(t -> Objects.toString(t.leaderName(), "")).setHeader(getTranslation("team.leader"))
                .setAutoWidth(true);
        grid.addColumn(TeamData::activeMembers).setHeader(getTranslation("team.members")).setAutoWidth(true)
                .setSortable(true).setComparator(TeamData::activeMembers);
        grid.addColumn(t -> t.active() ? "" : getTranslation("team.disbandedOn", DATE.format(t.disbandedOn())))
                .setHeader(getTranslation("team.status")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("team.none"));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private Button nameCell(TeamData team) {
        Button open = new Button(team.name(), e -> getUI().ifPresent(ui -> ui.navigate(TeamDetail.class,
                new RouteParameters("id", String.valueOf(team.id())))));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("team-link");
        return open;
    }

    private String decision(TeamData t) {
        if (t.decisionNumber() == null) {
            return "";
        }
        return t.decisionNumber() + (t.decisionDate() == null ? "" : " · " + DATE.format(t.decisionDate()));
    }

    private void refresh() {
        Unit filter = unitFilter.getValue();
        List<TeamData> found = teams.search(search.getValue(), filter == null ? null : filter.id(), disbanded.getValue());
        grid.setItems(found);
        if (filter == null && (search.getValue() == null || search.getValue().isBlank())) {
            Map<UnitId, Unit> byId = teams.search("", null, true).stream()
                    .collect(Collectors.toMap(TeamData::unit, t -> new Unit(t.unit(), t.unitName()), (a, b) -> a));
            unitFilter.setItems(byId.values().stream().sorted(VietnameseText.byName(Unit::name)).toList());
        }
    }

    private void createDialog() {
        Dialog dialog = new Dialog(getTranslation("team.create"));
        dialog.setWidth("min(95vw, 36rem)");
        TextField unitCode = new TextField(getTranslation("team.unitCode"));
        unitCode.setHelperText(getTranslation("team.unitCode.help"));
        TextField name = new TextField(getTranslation("team.name"));
        TextField number = new TextField(getTranslation("team.decisionNumber"));
        DatePicker date = new DatePicker(getTranslation("team.decisionDate"));
        date.setLocale(VietnameseText.VIETNAMESE);
        TextField signer = new TextField(getTranslation("team.decisionSigner"));
        FormLayout form = new FormLayout(unitCode, name, number, date, signer);
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            unitCode.setInvalid(false);
            name.setInvalid(false);
            UnitData unit;
            try {
                unit = units.get(unitCode.getValue().trim());
            } catch (UnitNotFoundException | OutsideScopeException ex) {
                unitCode.setErrorMessage(getTranslation("team.error.unitCode", unitCode.getValue()));
                unitCode.setInvalid(true);
                return;
            }
            try {
                TeamData created = teams.create(new TeamDraft(unit.id(), name.getValue(), number.getValue(),
                        date.getValue(), signer.getValue()));
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(TeamDetail.class,
                        new RouteParameters("id", String.valueOf(created.id()))));
            } catch (InvalidInputException ex) {
                TextField field = ex.messageKey().equals("team.error.unit") ? unitCode : name;
                field.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                field.setInvalid(true);
            } catch (OutsideScopeException ex) {
                unitCode.setErrorMessage(getTranslation("team.error.outsideScope"));
                unitCode.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("team-create-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("team.nav.list");
    }

    @Configuration
    static class TeamNavigation {
        @Bean
        NavEntry teamsNav() {
            return new NavEntry(30, "team.nav.list", VaadinIcon.USERS, TeamsView.class);
        }

        @Bean
        NavEntry teamCoverageNav() {
            return new NavEntry(31, "team.nav.coverage", VaadinIcon.PIE_CHART, TeamCoverageView.class);
        }
    }
}
