package vn.dvctt.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;
import vn.dvctt.geo.UnitData;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.team.TeamService;
import vn.dvctt.team.TeamSummary;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionPlan;
import vn.dvctt.training.TrainingService;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/** Schedules a session, or changes a planned one. A refusal is shown in the dialog; nothing typed is lost. */
class PlanDialog extends Dialog {

    PlanDialog(TrainingService training, VenueService venues, TeamService teams, UnitData area, LocalDate day,
               SessionData existing, Consumer<SessionData> onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "training.schedule" : "training.edit"));
        setWidth("min(95vw, 46rem)");
        ComboBox<VenueData> venue = new ComboBox<>(getTranslation("training.venue"));
        venue.setId("plan-venue");
        var choices = venues.venuesWithin(area.id());
        venue.setItems(choices);
        venue.setItemLabelGenerator(v -> v.name() + " — " + v.unitName());
        DatePicker date = new DatePicker(getTranslation("training.date"), day);
        date.setId("plan-date");
        TimePicker start = new TimePicker(getTranslation("training.start"), LocalTime.of(8, 0));
        start.setId("plan-start");
        start.setStep(Duration.ofMinutes(15));
        TimePicker end = new TimePicker(getTranslation("training.end"), LocalTime.of(10, 0));
        end.setId("plan-end");
        end.setStep(Duration.ofMinutes(15));
        TextField topic = new TextField(getTranslation("training.topic"));
        topic.setId("plan-topic");
        TextField audience = new TextField(getTranslation("training.audience"));
        audience.setId("plan-audience");
        ComboBox<TeamSummary> team = new ComboBox<>(getTranslation("training.team"));
        team.setId("plan-team");
        // fetched only when opened: the teams of the area
        team.setItems(query -> teams.teamsWithin(area.id()).stream()
                .filter(t -> t.name().toLowerCase().contains(query.getFilter().orElse("").toLowerCase()))
                .skip(query.getOffset()).limit(query.getLimit()));
        team.setItemLabelGenerator(t -> t.name() + " — " + t.unitName());
        TextArea facilitators = new TextArea(getTranslation("training.facilitators"));
        facilitators.setId("plan-facilitators");
        TextArea guides = new TextArea(getTranslation("training.plannedGuides"));
        guides.setId("plan-guides");
        IntegerField expected = new IntegerField(getTranslation("training.expected"));
        expected.setId("plan-expected");
        expected.setValue(30);
        if (existing != null) {
            choices.stream().filter(v -> v.id() == existing.venueId()).findFirst().ifPresent(venue::setValue);
            date.setValue(existing.startsAt().toLocalDate());
            start.setValue(existing.startsAt().toLocalTime());
            end.setValue(existing.endsAt().toLocalTime());
            topic.setValue(existing.topic());
            audience.setValue(existing.audience());
            training.team(existing).ifPresent(team::setValue);
            facilitators.setValue(String.join("\n", existing.facilitators()));
            guides.setValue(String.join("\n", existing.plannedGuides()));
            expected.setValue(existing.expectedAttendance());
        } else if (choices.size() == 1) {
            venue.setValue(choices.get(0));
        }
        Span error = new Span();
        error.setId("plan-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"), e -> {
            if (venue.isEmpty()) {
                error.setText(getTranslation("training.error.venue", ""));
                return;
            }
            if (date.isEmpty() || start.isEmpty() || end.isEmpty()) {
                error.setText(getTranslation("training.error.time"));
                return;
            }
            SessionPlan plan = new SessionPlan(venue.getValue().id(), date.getValue().atTime(start.getValue()),
                    date.getValue().atTime(end.getValue()), topic.getValue(), audience.getValue(),
                    team.isEmpty() ? null : team.getValue().id(), SubmissionLines.lines(facilitators.getValue()),
                    SubmissionLines.lines(guides.getValue()), expected.getValue() == null ? 0 : expected.getValue());
            try {
                SessionData saved = existing == null ? training.schedule(plan)
                        : training.reschedule(existing.id(), plan);
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(venue, date, start, end, topic, audience, team, expected, facilitators,
                guides);
        form.setColspan(venue, 2);
        form.setColspan(topic, 2);
        add(form, error);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
