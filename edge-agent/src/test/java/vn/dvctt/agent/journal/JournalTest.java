package vn.dvctt.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.AgentEvent.AgeBand;
import vn.dvctt.content.AgentEvent.AttendanceChanged;
import vn.dvctt.content.AgentEvent.Gender;
import vn.dvctt.content.AgentEvent.SessionEnded;
import vn.dvctt.content.AgentEvent.SessionStarted;
import vn.dvctt.content.AgentEvent.SubmissionRecorded;
import vn.dvctt.content.AgentEvent.SubmissionWithdrawn;
import vn.dvctt.content.RunnerBrief;

class JournalTest {

    @TempDir
    Path dir;
    private Journal journal;

    private Journal open() {
        journal = Journal.openIn(dir, Clock.systemUTC());
        return journal;
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void appendedEventsArePendingOldestFirstWithIncreasingSeq() {
        Journal j = open();
        String session = AgentEvent.newId();
        AgentEvent started = j.append(session, "m1", new SessionStarted(null, "Đăng ký khai sinh"));
        AgentEvent plus = j.append(session, "m1", new AttendanceChanged(1, null, null));

        assertThat(started.seq()).isEqualTo(1);
        assertThat(plus.seq()).isEqualTo(2);
        assertThat(j.pendingAfter(0, 10)).containsExactly(started, plus);
        assertThat(j.pendingAfter(1, 10)).containsExactly(plus);
        assertThat(j.pendingCount()).isEqualTo(2);
    }

    @Test
    void seqContinuesAfterReopening() {
        String session = AgentEvent.newId();
        open().append(session, "m1", new SessionStarted(null, "topic"));
        journal.close();

        AgentEvent next = open().append(session, "m1", new AttendanceChanged(1, null, null));

        assertThat(next.seq()).isEqualTo(2);
    }

    @Test
    void storedAndRejectedEventsAreNoLongerPendingAndKeepTheirReason() {
        Journal j = open();
        String session = AgentEvent.newId();
        AgentEvent a = j.append(session, "m1", new SessionStarted(null, "topic"));
        AgentEvent b = j.append(session, "m1", new AttendanceChanged(1, null, null));
        AgentEvent c = j.append(session, "m1", new AttendanceChanged(1, null, null));

        assertThat(j.markStored(List.of(a.id(), a.id(), AgentEvent.newId()))).isEqualTo(1);
        assertThat(j.markRejected(b.id(), "session of another venue")).isEqualTo(1);

        assertThat(j.pendingAfter(0, 10)).containsExactly(c);
        assertThat(j.entry(a.id()).orElseThrow().state()).isEqualTo(Journal.State.STORED);
        assertThat(j.entry(b.id()).orElseThrow().state()).isEqualTo(Journal.State.REJECTED);
        assertThat(j.entry(b.id()).orElseThrow().reason()).isEqualTo("session of another venue");
        assertThat(j.markStored(List.of(a.id()))).as("a duplicate ack changes nothing").isZero();
    }

    @Test
    void sessionFiguresAreSumsOfDeltasAndSubmissionsNotWithdrawn() {
        Journal j = open();
        String session = AgentEvent.newId();
        j.append(session, "m1", new SessionStarted(7L, null));
        j.append(session, "m1", new AttendanceChanged(1, Gender.FEMALE, AgeBand.FROM_18_TO_35));
        j.append(session, "m1", new AttendanceChanged(1, Gender.FEMALE, null));
        j.append(session, "m1", new AttendanceChanged(1, null, AgeBand.FROM_60));
        j.append(session, "m1", new AttendanceChanged(-1, Gender.FEMALE, null));
        AgentEvent first = j.append(session, "m1", new SubmissionRecorded("1.001", "H01"));
        AgentEvent second = j.append(session, "m1", new SubmissionRecorded("1.002", null));
        j.append(session, "m1", new SubmissionWithdrawn(first.id()));
        // another session's events never leak in
        String other = AgentEvent.newId();
        j.append(other, "m1", new SessionStarted(null, "other"));
        j.append(other, "m1", new AttendanceChanged(1, null, null));

        SessionState state = j.session(session).orElseThrow();

        assertThat(state.scheduledSession()).isEqualTo(7L);
        assertThat(state.attendance()).isEqualTo(2);
        assertThat(state.gender(Gender.FEMALE)).isEqualTo(1);
        assertThat(state.gender(Gender.MALE)).isZero();
        assertThat(state.ageBand(AgeBand.FROM_18_TO_35)).isEqualTo(1);
        assertThat(state.ageBand(AgeBand.FROM_60)).isEqualTo(1);
        assertThat(state.submissions()).extracting(SessionState.Submission::event).containsExactly(second.id());
        assertThat(state.ended()).isFalse();
        assertThat(j.openSessions()).extracting(SessionState::id).containsExactly(session, other);

        j.append(session, "m1", new SessionEnded("ghi chú"));
        assertThat(j.session(session).orElseThrow().notes()).isEqualTo("ghi chú");
        assertThat(j.openSessions()).extracting(SessionState::id).containsExactly(other);
        assertThat(j.startedScheduledSessions()).containsExactly(7L);
    }

    @Test
    void keepsOnlyANewerBriefAcrossRestarts() {
        Journal j = open();
        assertThat(j.brief()).isEmpty();
        assertThat(j.storeBrief(brief(5, "Nhà văn hoá A"))).isTrue();
        assertThat(j.storeBrief(brief(4, "older"))).isFalse();
        assertThat(j.storeBrief(brief(5, "same version"))).isFalse();
        j.close();

        assertThat(open().brief().orElseThrow().venue().name()).isEqualTo("Nhà văn hoá A");
        assertThat(journal.storeBrief(brief(6, "Nhà văn hoá B"))).isTrue();
        assertThat(journal.brief().orElseThrow().version()).isEqualTo(6);
    }

    static RunnerBrief brief(long version, String venue) {
        return RunnerBrief.of("dev-1", version, new RunnerBrief.Venue(venue, "Xã A"),
                List.of(new RunnerBrief.Session(1, LocalDateTime.of(2025, 1, 1, 8, 0), LocalDateTime.of(2025, 1, 1, 10, 0),
                        "Khai sinh", "", 20, RunnerBrief.SessionStatus.PLANNED, List.of())),
                List.of(new RunnerBrief.Procedure("1.001", "Đăng ký khai sinh", true)), List.of());
    }
}
