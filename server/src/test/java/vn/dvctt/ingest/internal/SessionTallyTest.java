package vn.dvctt.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.dvctt.training.SessionResults;

class SessionTallyTest {

    private final List<EventStore.Stored> events = new ArrayList<>();
    private long seq;

    @Test
    void attendanceIsTheSumOfPlusAndMinusWithBreakdownsOnlyWhenGiven() {
        start();
        attendance(1, "FEMALE", "FROM_60");
        attendance(1, "FEMALE", null);
        attendance(1, "MALE", null);
        attendance(-1, "FEMALE", null);
        attendance(1, null, null);

        SessionResults r = SessionTally.of(events).results();

        assertThat(r.participants()).isEqualTo(3);
        assertThat(r.women()).isEqualTo(1);
        assertThat(r.men()).isEqualTo(1);
        assertThat(r.age60Plus()).isEqualTo(1);
        assertThat(r.age18To35()).isZero();
    }

    @Test
    void withoutAnyGenderOrAgeTheBreakdownsStayUnknown() {
        start();
        attendance(1, null, null);

        SessionResults r = SessionTally.of(events).results();

        assertThat(r.women()).isNull();
        assertThat(r.ageUnder18()).isNull();
    }

    @Test
    void aWithdrawnSubmissionDoesNotCountAndADossierRecordedTwiceIsNamedOnce() {
        start();
        UUID mistaken = submission("1.004222", null);
        withdraw(mistaken);
        submission("1.001193", "H22.101-240601-0007");
        submission("1.001193", "H22.101-240601-0007");

        SessionResults r = SessionTally.of(events).results();

        assertThat(r.assistedSubmissions()).isEqualTo(2);
        assertThat(r.submissions()).singleElement().satisfies(s -> {
            assertThat(s.procedureCode()).isEqualTo("1.001193");
            assertThat(s.dossierCodes()).containsExactly("H22.101-240601-0007");
        });
    }

    @Test
    void guidesAreListedOnceInTheOrderFirstPlayedAndTheLastEndGivesTheNotes() {
        start();
        played("Đăng ký khai sinh");
        played("Cài đặt VNeID");
        played("Đăng ký khai sinh");
        ended("tạm");
        ended("Bà con hỏi nhiều");

        SessionTally tally = SessionTally.of(events);

        assertThat(tally.results().guidesPlayed()).containsExactly("Đăng ký khai sinh", "Cài đặt VNeID");
        assertThat(tally.results().notes()).isEqualTo("Bà con hỏi nhiều");
        assertThat(tally.endedAt()).isEqualTo(events.get(events.size() - 1).at());
    }

    @Test
    void twoRunsOfOneScheduledSessionAddUpAndKeepEachRunsLastNotes() {
        start();
        attendance(1, null, null);
        attendance(1, null, null);
        submission("1.001193", null);
        ended("tạm");
        ended("Nghỉ trưa");
        start();
        attendance(1, null, null);
        submission("1.001193", null);
        ended("Bà con về sớm");

        SessionTally tally = SessionTally.of(events);

        assertThat(tally.results().participants()).isEqualTo(3);
        assertThat(tally.results().assistedSubmissions()).isEqualTo(2);
        assertThat(tally.results().notes()).isEqualTo("Nghỉ trưa\nBà con về sớm");
        assertThat(tally.start()).isSameAs(events.get(0));
    }

    @Test
    void noStartMeansNothingToProject() {
        attendance(1, null, null);

        assertThat(SessionTally.of(events).start()).isNull();
    }

    private void start() {
        add("SESSION_STARTED", null, null, null, null, null, null, null, null);
    }

    private void attendance(int delta, String gender, String age) {
        add("ATTENDANCE", delta, gender, age, null, null, null, null, null);
    }

    private UUID submission(String code, String dossier) {
        return add("SUBMISSION", null, null, null, code, dossier, null, null, null);
    }

    private void withdraw(UUID submission) {
        add("SUBMISSION_WITHDRAWN", null, null, null, null, null, submission, null, null);
    }

    private void played(String title) {
        add("GUIDE_PLAYED", null, null, null, null, null, null, title, null);
    }

    private void ended(String notes) {
        add("SESSION_ENDED", null, null, null, null, null, null, null, notes);
    }

    private UUID add(String type, Integer delta, String gender, String age, String code, String dossier, UUID ref,
                     String title, String notes) {
        UUID id = UUID.randomUUID();
        seq++;
        events.add(new EventStore.Stored(id, seq, Instant.ofEpochSecond(1_700_000_000L + seq), type, null,
                "SESSION_STARTED".equals(type) ? "Buổi thử" : null, delta, gender, age, code, dossier, ref,
                title == null ? null : "a".repeat(64), title == null ? null : "g", title, null,
                title == null ? null : 60_000L, notes));
        return id;
    }
}
