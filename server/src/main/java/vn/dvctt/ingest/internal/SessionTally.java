package vn.dvctt.ingest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingService;

/**
 * A runner session's figures computed from its stored events (or, for a scheduled session run more
 * than once, from all its runs' events, run after run), the same way the agent computes what it
 * shows: attendance is the sum of the +1/-1 events (per gender and age band when given), a submission
 * counts unless withdrawn, guides are listed in the order first played. Recomputed whole every time,
 * so a duplicate or a late event can never be counted twice.
 */
record SessionTally(EventStore.Stored start, Instant endedAt, SessionResults results) {

    static SessionTally of(List<EventStore.Stored> events) {
        EventStore.Stored start = null;
        Instant ended = null;
        String notes = "";
        String runNotes = "";
        int participants = 0;
        Map<AgentEvent.Gender, Integer> byGender = new EnumMap<>(AgentEvent.Gender.class);
        Map<AgentEvent.AgeBand, Integer> byAge = new EnumMap<>(AgentEvent.AgeBand.class);
        boolean genderGiven = false;
        boolean ageGiven = false;
        Map<UUID, EventStore.Stored> submissions = new LinkedHashMap<>();
        Set<UUID> withdrawn = new HashSet<>();
        Set<String> guides = new LinkedHashSet<>();
        for (EventStore.Stored e : events) {
            switch (e.type()) {
                case "SESSION_STARTED" -> {
                    if (start == null) {
                        start = e;
                    } else {
                        // the next run of the same scheduled session (the projector passes them in order)
                        notes = join(notes, runNotes);
                        runNotes = "";
                    }
                }
                case "ATTENDANCE" -> {
                    participants += e.delta();
                    if (e.gender() != null) {
                        genderGiven = true;
                        byGender.merge(AgentEvent.Gender.valueOf(e.gender()), e.delta(), Integer::sum);
                    }
                    if (e.ageBand() != null) {
                        ageGiven = true;
                        byAge.merge(AgentEvent.AgeBand.valueOf(e.ageBand()), e.delta(), Integer::sum);
                    }
                }
                case "SUBMISSION" -> submissions.put(e.id(), e);
                case "SUBMISSION_WITHDRAWN" -> withdrawn.add(e.ref());
                case "GUIDE_PLAYED" -> {
                    if (guides.size() < TrainingService.MAX_GUIDES) {
                        guides.add(e.title());
                    }
                }
                case "SESSION_ENDED" -> {
                    ended = e.at();
                    runNotes = e.notes() == null ? "" : e.notes().strip(); // a later end of the run replaces them
                }
                default -> {
                    // a type this build does not project is kept, not counted
                }
            }
        }
        notes = join(notes, runNotes);
        Map<String, List<String>> codes = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> dossiers = new HashSet<>();
        for (EventStore.Stored s : submissions.values()) {
            if (withdrawn.contains(s.id())) {
                continue;
            }
            counts.merge(s.procedureCode(), 1, Integer::sum);
            List<String> list = codes.computeIfAbsent(s.procedureCode(), k -> new ArrayList<>());
            // the same dossier recorded twice is one dossier with two clicks: count both, name it once
            if (s.dossierCode() != null && dossiers.add(s.dossierCode())) {
                list.add(s.dossierCode());
            }
        }
        List<AssistedSubmission> assisted = counts.entrySet().stream()
                .map(c -> new AssistedSubmission(c.getKey(), c.getValue(), codes.get(c.getKey()).stream().sorted().toList()))
                .toList();
        SessionResults results = new SessionResults(Math.max(0, participants),
                genderGiven ? nonNegative(byGender.get(AgentEvent.Gender.FEMALE)) : null,
                genderGiven ? nonNegative(byGender.get(AgentEvent.Gender.MALE)) : null,
                ageGiven ? nonNegative(byAge.get(AgentEvent.AgeBand.UNDER_18)) : null,
                ageGiven ? nonNegative(byAge.get(AgentEvent.AgeBand.FROM_18_TO_35)) : null,
                ageGiven ? nonNegative(byAge.get(AgentEvent.AgeBand.FROM_36_TO_59)) : null,
                ageGiven ? nonNegative(byAge.get(AgentEvent.AgeBand.FROM_60)) : null,
                assisted, List.copyOf(guides),
                notes.length() > TrainingService.MAX_NOTES ? notes.substring(0, TrainingService.MAX_NOTES) : notes);
        return new SessionTally(start, ended, results);
    }

    /** Every run's notes, one run a line. */
    private static String join(String notes, String more) {
        return notes.isEmpty() ? more : more.isEmpty() ? notes : notes + "\n" + more;
    }

    private static int nonNegative(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
