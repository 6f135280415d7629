package vn.dvctt.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.TeamCoverage;
import vn.dvctt.team.TeamService;

/**
 * How far teams reach: "x/y communes, x/y villages, members, trained" for the caller's unit, and a
 * sortable table of its child units; a click on a row goes one level down.
 */
@Route("teams/coverage")
@PermitAll
class TeamCoverageView extends VerticalLayout implements HasDynamicTitle {

    private final TeamService teams;
    private final H2 title = new H2();
    private final HorizontalLayout figures = new HorizontalLayout();
    private final Grid<TeamCoverage.Row> grid = new Grid<>();
    private final Button up = new Button();
    /** The units opened on the way down, so "up" never goes above the caller's own unit. */
    private final Deque<TeamCoverage.Row> trail = new ArrayDeque<>();

    TeamCoverageView(TeamService teams, AdminUnitService units) {
        this.teams = teams;
        setSizeFull();
        title.setId("coverage-title");
        figures.setId("coverage-figures");
        figures.setWrap(true);
        up.setText(getTranslation("team.coverage.up"));
        up.setIcon(VaadinIcon.ARROW_UP.create());
        up.setId("coverage-up");
        up.addClickListener(e -> {
            trail.pop();
            show(trail.peek());
        });
        grid.setId("coverage-grid");
        grid.addColumn(TeamCoverage.Row::name).setHeader(getTranslation("team.unit")).setFlexGrow(2).setKey("name")
                .setComparator(VietnameseText.byName(TeamCoverage.Row::name));
        grid.addColumn(r -> r.communesWithTeam() + "/" + r.communes()).setHeader(getTranslation("team.coverage.communes"))
                .setKey("communes").setComparator(Comparator.comparingDouble(TeamCoverage.Row::communeShare)
                        .thenComparingInt(TeamCoverage.Row::communes));
        grid.addColumn(r -> r.villagesWithTeam() + "/" + r.villages()).setHeader(getTranslation("team.coverage.villages"))
                .setKey("villages").setComparator(Comparator.comparingDouble(TeamCoverage.Row::villageShare)
                        .thenComparingInt(TeamCoverage.Row::villages));
        grid.addColumn(r -> percent(r.villageShare())).setHeader(getTranslation("team.coverage.share"))
                .setKey("share").setComparator(Comparator.comparingDouble(TeamCoverage.Row::villageShare));
        grid.addColumn(TeamCoverage.Row::teams).setHeader(getTranslation("team.coverage.teams")).setKey("teams")
                .setComparator(Comparator.comparingInt(TeamCoverage.Row::teams));
        grid.addColumn(TeamCoverage.Row::members).setHeader(getTranslation("team.members")).setKey("members")
                .setComparator(Comparator.comparingInt(TeamCoverage.Row::members));
        grid.addColumn(TeamCoverage.Row::trainedMembers).setHeader(getTranslation("team.coverage.trained"))
                .setKey("trained").setComparator(Comparator.comparingInt(TeamCoverage.Row::trainedMembers));
        grid.setMultiSort(true);
        grid.addItemClickListener(e -> {
            if (e.getItem().villages() > 1 || e.getItem().communes() > 0) {
                trail.push(e.getItem());
                show(e.getItem());
            }
        });
        grid.setSizeFull();
        HorizontalLayout header = new HorizontalLayout(title, up);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, figures, grid);
        UnitData mine = units.myUnit();
        TeamCoverage coverage = teams.coverage(mine.id());
        trail.push(coverage.total());
        render(coverage);
    }

    private void show(TeamCoverage.Row row) {
        render(teams.coverage(row.unit()));
    }

    private void render(TeamCoverage coverage) {
        TeamCoverage.Row t = coverage.total();
        title.setText(getTranslation("team.coverage.of", t.name()));
        up.setVisible(trail.size() > 1);
        figures.removeAll();
        figures.add(figure("coverage-communes", t.communesWithTeam() + "/" + t.communes(),
                        getTranslation("team.coverage.communesWithTeam")),
                figure("coverage-villages", t.villagesWithTeam() + "/" + t.villages(),
                        getTranslation("team.coverage.villagesWithTeam")),
                figure("coverage-teams", String.valueOf(t.teams()), getTranslation("team.coverage.teams")),
                figure("coverage-members", String.valueOf(t.members()), getTranslation("team.members")),
                figure("coverage-trained", String.valueOf(t.trainedMembers()), getTranslation("team.coverage.trained")));
        grid.setItems(coverage.children());
    }

    private static Div figure(String id, String value, String label) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Div box = new Div(number, new Div(label));
        box.setId(id);
        box.addClassName("figure");
        box.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        return box;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("team.nav.coverage");
    }
}
