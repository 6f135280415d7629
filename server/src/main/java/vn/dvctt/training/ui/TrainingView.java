package vn.dvctt.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.team.TeamService;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionStatus;
import vn.dvctt.training.TrainingService;
import vn.dvctt.ui.NavEntry;
import vn.dvctt.venue.VenueService;

/**
 * The training calendar of one unit's area: a month grid or a week list, built from plain layouts
 * and CSS grid (no add-on), with previous/next. Clicking a session opens it.
 */
@Route("training")
@PermitAll
class TrainingView extends VerticalLayout implements HasDynamicTitle {

    enum Mode { MONTH, WEEK }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final TrainingService training;
    private final java.util.List<SessionSection> sections;
    private final VenueService venues;
    private final TeamService teams;
    private final UnitPicker unit;
    private final Select<Mode> mode = new Select<>();
    private final H3 period = new H3();
    private final Div calendar = new Div();
    private LocalDate anchor = LocalDate.now(TrainingService.ZONE);

    TrainingView(TrainingService training, VenueService venues, TeamService teams, AdminUnitService units,
                 java.util.List<SessionSection> sections) {
        this.sections = sections;
        this.training = training;
        this.venues = venues;
        this.teams = teams;
        setSizeFull();
        unit = new UnitPicker(units, getTranslation("training.unit"));
        unit.setId("training-unit");
        unit.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                refresh();
            }
        });
        mode.setId("training-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m == Mode.MONTH ? "training.month" : "training.week"));
        mode.setValue(Mode.MONTH);
        mode.addValueChangeListener(e -> refresh());
        Button previous = new Button(getTranslation("training.previous"), VaadinIcon.ANGLE_LEFT.create(),
                e -> move(-1));
        previous.setId("training-previous");
        Button today = new Button(getTranslation("training.today"), e -> {
            anchor = LocalDate.now(TrainingService.ZONE);
            refresh();
        });
        today.setId("training-today");
        Button next = new Button(getTranslation("training.next"), VaadinIcon.ANGLE_RIGHT.create(), e -> move(1));
        next.setId("training-next");
        next.setIconAfterText(true);
        HorizontalLayout toolbar = new HorizontalLayout(unit, mode, previous, today, next);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        if (training.canPlan()) {
            Button schedule = new Button(getTranslation("training.schedule"), VaadinIcon.PLUS.create(),
                    e -> plan(anchor));
            schedule.setId("training-schedule");
            schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(schedule);
        }
        period.setId("training-period");
        calendar.setId("training-calendar");
        calendar.setWidthFull();
        add(toolbar, period, calendar);
        refresh();
    }

    private void move(int step) {
        anchor = mode.getValue() == Mode.MONTH ? anchor.plusMonths(step) : anchor.plusWeeks(step);
        refresh();
    }

    private void plan(LocalDate day) {
        new PlanDialog(training, venues, teams, unit.getValue(), day.isBefore(LocalDate.now(TrainingService.ZONE))
                ? LocalDate.now(TrainingService.ZONE) : day, null, saved -> {
            Notification.show(getTranslation("training.saved", saved.topic()));
            anchor = saved.startsAt().toLocalDate();
            refresh();
        }).open();
    }

    private void refresh() {
        calendar.removeAll();
        if (unit.getValue() == null) {
            return;
        }
        if (mode.getValue() == Mode.MONTH) {
            month();
        } else {
            week();
        }
    }

    private Map<LocalDate, List<SessionData>> sessions(LocalDate from, LocalDate to) {
        return training.sessionsWithin(unit.getValue().id(), from, to).stream()
                .collect(Collectors.groupingBy(s -> s.startsAt().toLocalDate(), TreeMap::new, Collectors.toList()));
    }

    private void month() {
        LocalDate first = anchor.withDayOfMonth(1);
        LocalDate last = anchor.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate start = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        period.setText(getTranslation("training.monthOf", String.valueOf(first.getMonthValue()),
                String.valueOf(first.getYear())));
        Map<LocalDate, List<SessionData>> byDay = sessions(start, end);
        Div grid = new Div();
        grid.addClassName("training-month");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "1px").set("background", "var(--lumo-contrast-10pct)")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
        for (int d = 1; d <= 7; d++) {
            Div head = new Div(new Span(getTranslation("training.weekday." + d)));
            head.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-xs)")
                    .set("font-weight", "600").set("text-align", "center");
            grid.add(head);
        }
        LocalDate today = LocalDate.now(TrainingService.ZONE);
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            Div cell = new Div();
            cell.addClassName("training-day");
            cell.getElement().setAttribute("data-date", day.toString());
            cell.getStyle().set("background", day.getMonth() == first.getMonth() ? "var(--lumo-base-color)"
                    : "var(--lumo-contrast-5pct)").set("min-height", "6rem").set("padding", "var(--lumo-space-xs)")
                    .set("display", "flex").set("flex-direction", "column").set("gap", "2px");
            Span number = new Span(String.valueOf(day.getDayOfMonth()));
            if (day.equals(today)) {
                number.getStyle().set("font-weight", "700").set("color", "var(--lumo-primary-text-color)");
            }
            cell.add(number);
            byDay.getOrDefault(day, List.of()).forEach(s -> cell.add(chip(s, false)));
            grid.add(cell);
        }
        calendar.add(grid);
    }

    private void week() {
        LocalDate start = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = start.plusDays(6);
        period.setText(getTranslation("training.weekOf", start.format(DATE), end.format(DATE)));
        Map<LocalDate, List<SessionData>> byDay = sessions(start, end);
        VerticalLayout list = new VerticalLayout();
        list.addClassName("training-week");
        list.setPadding(false);
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            Div row = new Div();
            row.addClassName("training-day");
            row.getElement().setAttribute("data-date", day.toString());
            row.setWidthFull();
            row.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("padding", "var(--lumo-space-xs) 0");
            Span head = new Span(getTranslation("training.weekday." + day.getDayOfWeek().getValue()) + " "
                    + day.format(DAY));
            head.getStyle().set("font-weight", "600").set("display", "inline-block").set("width", "7rem");
            row.add(head);
            List<SessionData> sessions = byDay.getOrDefault(day, List.of());
            if (sessions.isEmpty()) {
                Span none = new Span(getTranslation("training.noSessions"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)");
                row.add(none);
            }
            sessions.forEach(s -> row.add(chip(s, true)));
            list.add(row);
        }
        calendar.add(list);
    }

    private Component chip(SessionData s, boolean long_) {
        String text = s.startsAt().format(HOUR) + " " + s.topic() + (long_ ? " · " + s.venueName() + " · "
                + getTranslation("training.status." + s.status().name()) : "");
        Button chip = new Button(text, e -> new SessionDialog(training, venues, teams, unit.getValue(), s.id(),
                this::refresh, sections).open());
        chip.addClassName("training-session");
        chip.getElement().setAttribute("data-session", String.valueOf(s.id()));
        chip.getElement().setAttribute("title", s.topic() + " — " + s.venueName() + " ("
                + getTranslation("training.status." + s.status().name()) + ")");
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (s.status() == SessionStatus.CANCELLED) {
            chip.getStyle().set("text-decoration", "line-through");
            chip.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else if (s.status() == SessionStatus.REPORTED) {
            chip.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        chip.getStyle().set("justify-content", "flex-start").set("white-space", "nowrap").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("max-width", "100%").set("margin", "0");
        return chip;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.nav");
    }

    @Configuration
    static class TrainingNavigation {
        @Bean
        NavEntry trainingNav() {
            return new NavEntry(50, "training.nav", VaadinIcon.CALENDAR, TrainingView.class);
        }

        @Bean
        NavEntry trainingDashboardNav() {
            return new NavEntry(55, "training.nav.dashboard", VaadinIcon.BAR_CHART, TrainingDashboardView.class);
        }
    }
}
