package vn.dvctt.agent.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.AgentEvent.AgeBand;
import vn.dvctt.content.AgentEvent.AttendanceChanged;
import vn.dvctt.content.AgentEvent.Gender;
import vn.dvctt.content.AgentEvent.GuidePlayed;
import vn.dvctt.content.AgentEvent.SessionEnded;
import vn.dvctt.content.AgentEvent.SessionStarted;
import vn.dvctt.content.AgentEvent.SubmissionRecorded;
import vn.dvctt.content.AgentEvent.SubmissionWithdrawn;

/**
 * A session's figures as the runner shows them, computed from its journalled events the way the server
 * computes them from its stored ones (content docs/decisions/0004): attendance is the sum of the deltas
 * (per gender and per age band, the sums of the deltas that name one), a submission counts unless a later
 * event withdraws it. Never incremented, so the page and the server cannot drift apart.
 *
 * @param scheduledSession the server's session id, or null for an unscheduled session
 * @param endedAt          0 while the session is open
 */
public record SessionState(String id, Long scheduledSession, String topic, String startedBy, long startedAt,
                           int attendance, Map<Gender, Integer> byGender, Map<AgeBand, Integer> byAgeBand,
                           List<Submission> submissions, List<Played> played, long endedAt, String notes) {

    public record Submission(String event, String procedureCode, String dossierCode, long at, String member) {
    }

    public record Played(String event, String contentId, String guideId, String title, long startedAt, long playedMs) {
    }

    public boolean ended() {
        return endedAt > 0;
    }

    public int gender(Gender gender) {
        return byGender.getOrDefault(gender, 0);
    }

    public int ageBand(AgeBand band) {
        return byAgeBand.getOrDefault(band, 0);
    }

    /** @param events the events of one session, in journal order; the first must start it */
    public static SessionState of(List<AgentEvent> events) {
        if (events.isEmpty() || !(events.get(0).body() instanceof SessionStarted started)) {
            throw new IllegalArgumentException("a session's first event must be SESSION_STARTED");
        }
        AgentEvent first = events.get(0);
        int attendance = 0;
        Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
        Map<AgeBand, Integer> byAgeBand = new EnumMap<>(AgeBand.class);
        Map<String, Submission> submissions = new LinkedHashMap<>();
        List<Played> played = new ArrayList<>();
        long endedAt = 0;
        String notes = null;
        for (AgentEvent event : events) {
            if (!event.session().equals(first.session())) {
                throw new IllegalArgumentException("event " + event.id() + " belongs to another session");
            }
            if (event.body() instanceof AttendanceChanged a) {
                attendance += a.delta();
                if (a.gender() != null) {
                    byGender.merge(a.gender(), a.delta(), Integer::sum);
                }
                if (a.ageBand() != null) {
                    byAgeBand.merge(a.ageBand(), a.delta(), Integer::sum);
                }
            } else if (event.body() instanceof SubmissionRecorded s) {
                submissions.put(event.id(), new Submission(event.id(), s.procedureCode(), s.dossierCode(), event.at(),
                        event.member()));
            } else if (event.body() instanceof SubmissionWithdrawn w) {
                submissions.remove(w.submission());
            } else if (event.body() instanceof GuidePlayed g) {
                played.add(new Played(event.id(), g.contentId(), g.guideId(), g.title(), g.startedAt(), g.playedMs()));
            } else if (event.body() instanceof SessionEnded e) {
                endedAt = event.at();
                notes = e.notes();
            }
        }
        return new SessionState(first.session(), started.scheduledSession(), started.topic(), first.member(), first.at(),
                attendance, Collections.unmodifiableMap(byGender), Collections.unmodifiableMap(byAgeBand),
                List.copyOf(submissions.values()), List.copyOf(played), endedAt, notes);
    }
}
