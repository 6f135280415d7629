package vn.dvctt.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;
import vn.dvctt.ui.KaribuViewTest;
import vn.dvctt.venue.VenueData;

/** The training calendar: scheduling through the dialog, conflicts, week and month, a session's results. */
class TrainingViewKaribuIT extends KaribuViewTest {

    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;

    @BeforeEach
    void venues() {
        data.addVenuesAndProcedures();
    }

    @Test
    void organizerSchedulesASessionAndSeesItInTheMonth() {
        signIn("hoanhmo.organizer");
        navigate("training");
        LocalDate date = day(1, 0).toLocalDate();
        openPlan("Nhà văn hóa bản Khe Mạ — Bản Khe Mạ", date, "Cài VNeID cho người cao tuổi");
        _click(_get(Button.class, s -> s.withId("plan-save")));

        assertThat(_find(Button.class, s -> s.withId("plan-save"))).isEmpty();
        assertThat(chips()).contains("08:00 Cài VNeID cho người cao tuổi");
        assertThat(_get(com.vaadin.flow.component.html.H3.class, s -> s.withId("training-period")).getText())
                .isEqualTo("Tháng " + date.getMonthValue() + "/" + date.getYear());
    }

    @Test
    void aConflictAtTheSameVenueIsRefusedWithTheMessageAndNothingTypedIsLost() {
        data.fixture.as("hoanhmo.organizer", () -> training.schedule(plan(data.kheMa, day(2, 8), 2, "Buổi đã có")));
        signIn("hoanhmo.organizer");
        navigate("training");
        openPlan("Nhà văn hóa bản Khe Mạ — Bản Khe Mạ", day(2, 0).toLocalDate(), "Buổi trùng giờ");
        _click(_get(Button.class, s -> s.withId("plan-save")));

        assertThat(_get(Span.class, s -> s.withId("plan-error")).getText())
                .isEqualTo("Địa điểm đã có buổi \"Buổi đã có\" vào "
                        + day(2, 8).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 08:00–10:00");
        assertThat(_get(TextField.class, s -> s.withId("plan-topic")).getValue()).isEqualTo("Buổi trùng giờ");
    }

    @Test
    void theWeekListsEachDayAndNextMovesOnAWeek() {
        data.fixture.as("hoanhmo.organizer", () -> {
            training.schedule(plan(data.pacPoc, day(0, 19), 2, "Tuần này"));
            training.schedule(plan(data.pacPoc, day(7, 19), 2, "Tuần sau"));
        });
        signIn("hoanhmo.organizer");
        navigate("training");
        @SuppressWarnings("unchecked")
        Select<TrainingView.Mode> mode = _get(Select.class, s -> s.withId("training-mode"));
        _setValue(mode, TrainingView.Mode.WEEK);
        assertThat(chips()).containsExactly("19:00 Tuần này · Nhà văn hóa bản Pắc Pộc · Đã lên lịch");
        _click(_get(Button.class, s -> s.withId("training-next")));
        assertThat(chips()).containsExactly("19:00 Tuần sau · Nhà văn hóa bản Pắc Pộc · Đã lên lịch");
    }

    @Test
    void aSessionShowsTheDifferenceBetweenTheTeamAndTheDevice() {
        SessionData held = data.fixture.as("hoanhmo.organizer", () -> {
            SessionData s = training.schedule(plan(data.kheMa, day(0, 0), 1, "Có thiết bị"));
            training.markHeld(s.id());
            training.report(s.id(), SessionResults.participants(40, List.of()));
            return s;
        });
        data.fixture.as("root.admin", () -> training.recordAgentResults(held.id(),
                SessionResults.participants(37, List.of())));
        signIn("hoanhmo.organizer");
        navigate("training");
        _click(_get(Button.class, s -> s.withText("00:00 Có thiết bị")));

        assertThat(_get(Span.class, s -> s.withId("session-status")).getText()).isEqualTo("Đã báo cáo");
        assertThat(_get(UnorderedList.class, s -> s.withId("session-differences")).getChildren()
                .map(c -> ((ListItem) c).getText()).toList())
                .containsExactly("Người tham dự: Tổ nhập 40, thiết bị 37");
        assertThat(_get(com.vaadin.flow.component.textfield.IntegerField.class,
                s -> s.withId("result-participants")).getValue()).isEqualTo(40);
    }

    @Test
    void aTeamMemberMarksHisSessionHeldAndReportsItThroughTheDialog() {
        data.fixture.as("pacpoc.member", () -> training.schedule(plan(data.pacPoc, day(0, 0), 1, "Buổi ở Pắc Pộc")));
        signIn("pacpoc.member");
        navigate("training");
        _click(_get(Button.class, s -> s.withText("00:00 Buổi ở Pắc Pộc")));
        _click(_get(Button.class, s -> s.withId("session-held")));
        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class,
                s -> s.withId("result-participants")), 10);
        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("result-women")), 11);
        _click(_get(Button.class, s -> s.withId("result-save")));
        assertThat(_get(Span.class, s -> s.withId("session-error")).getText())
                .isEqualTo("Số nam và nữ (11) lớn hơn tổng số người tham dự (10)");

        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("result-women")), 6);
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("result-submissions")),
                "1.001193, 2, H22.43-241029-0015");
        _click(_get(Button.class, s -> s.withId("result-save")));
        assertThat(_get(Span.class, s -> s.withId("session-status")).getText()).isEqualTo("Đã báo cáo");
        assertThat(_get(Span.class, s -> s.withId("session-error")).getText()).isEmpty();
    }

    @Test
    void aLeaderReadsTheCalendarButCannotSchedule() {
        signIn("qn.leader");
        navigate("training");
        assertThat(_find(Button.class, s -> s.withId("training-schedule"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("training-calendar"))).hasSize(1);
    }

    private void openPlan(String venueLabel, LocalDate date, String topic) {
        _click(_get(Button.class, s -> s.withId("training-schedule")));
        @SuppressWarnings("unchecked")
        ComboBox<VenueData> venue = _get(ComboBox.class, s -> s.withId("plan-venue"));
        ComboBoxKt.selectByLabel(venue, venueLabel);
        _setValue(_get(DatePicker.class, s -> s.withId("plan-date")), date);
        _setValue(_get(TextField.class, s -> s.withId("plan-topic")), topic);
    }

    private static List<String> chips() {
        return _find(Button.class, s -> s.withClasses("training-session")).stream().map(Button::getText).toList();
    }
}
