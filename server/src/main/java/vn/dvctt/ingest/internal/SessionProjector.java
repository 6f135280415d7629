package vn.dvctt.ingest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.device.DeviceService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.training.TrainingService;

/**
 * Feeds runner sessions into the training feature: creates the training session of an unscheduled
 * one, then hands it the figures computed from all its events. Runs after the ingest commit on one
 * background thread per instance, coalescing repeated requests for a session; the session's row is
 * locked for the projection, so two instances never create the same session twice and an event
 * committed meanwhile marks it pending again. {@link ProjectionSweepJob} picks up what an instance
 * that died left pending.
 */
@Component
class SessionProjector {

    private static final Logger log = LoggerFactory.getLogger(SessionProjector.class);

    private final EventStore store;
    private final TrainingService training;
    private final DeviceService devices;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    /** Events of one session arrive in bursts: waiting a moment projects a burst once, not per message. */
    private static final long DEBOUNCE_MS = 1000;
    private static final java.time.Duration START_GRACE = java.time.Duration.ofHours(1);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-projector");
        t.setDaemon(true);
        return t;
    });

    SessionProjector(EventStore store, TrainingService training, DeviceService devices, CurrentUser currentUser,
                     PlatformTransactionManager transactions) {
        this.store = store;
        this.training = training;
        this.devices = devices;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
    }

    void projectLater(Collection<UUID> sessions) {
        for (UUID key : sessions) {
            if (queued.add(key)) {
                worker.schedule(() -> {
                    queued.remove(key);
                    project(key);
                }, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Projects one session now; returns whether it is now up to date (false: problem, or no start yet). */
    boolean project(UUID key) {
        try {
            return Boolean.TRUE.equals(currentUser.runAsSystem(() -> transaction.execute(status -> apply(key))));
        } catch (InvalidInputException e) {
            String problem = e.getMessage();
            log.warn("Runner session {} not projected: {}", key, problem);
            transaction.executeWithoutResult(status -> store.projected(key, null, problem, clock.instant()));
            return false;
        } catch (RuntimeException e) {
            log.warn("Runner session {} not projected now; the sweep retries", key, e);
            return false;
        }
    }

    private boolean apply(UUID key) {
        // a scheduled session may have been run more than once (ended by mistake and started again, or on
        // two of the venue's computers): its figures come from every runner session that started it
        Long scheduled = store.scheduledSessionOf(key);
        List<UUID> keys = new ArrayList<>(scheduled == null ? List.of() : store.sessionsStarting(scheduled));
        if (!keys.contains(key)) {
            keys.add(key);
        }
        List<EventStore.SessionRow> rows = store.lockSessions(keys);
        EventStore.SessionRow row = rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
        if (row == null || row.pending() == 0) {
            return row != null;
        }
        List<List<EventStore.Stored>> runs = new ArrayList<>();
        for (EventStore.SessionRow r : rows) {
            List<EventStore.Stored> events = store.events(r.key());
            if (!events.isEmpty()) {
                runs.add(events);
            }
        }
        runs.sort(Comparator.comparing(events -> events.get(0).at())); // the runs in the order they took place
        List<EventStore.Stored> events = runs.stream().flatMap(List::stream).toList();
        SessionTally tally = SessionTally.of(events);
        if (tally.start() == null) {
            // agents send oldest first, so a start missing for long was refused (say, a cancelled session)
            if (!events.isEmpty() && events.get(0).at().isBefore(clock.instant().minus(START_GRACE))) {
                store.projected(key, null, "no session start was stored for these events", clock.instant());
            }
            // else the start is in a batch not stored yet; the session stays pending until it is
            return false;
        }
        Long sessionId = row.trainingSession();
        if (tally.start().scheduledSession() != null) {
            sessionId = tally.start().scheduledSession();
        } else if (sessionId == null) {
            DeviceService.Installed at = devices.installedAt(row.deviceId()).orElse(null);
            if (at == null) {
                store.projected(key, null, "device " + row.deviceId() + " is no longer enrolled", clock.instant());
                return false;
            }
            sessionId = training.openRunnerSession(at.venueId(), local(tally.start().at()),
                    tally.endedAt() == null ? null : local(tally.endedAt()), tally.start().topic());
        }
        if (tally.start().scheduledSession() == null && tally.endedAt() != null) {
            training.retimeRunnerSession(sessionId, local(tally.endedAt()));
        }
        training.recordAgentResults(sessionId, tally.results());
        for (EventStore.SessionRow r : rows) {
            store.projected(r.key(), sessionId, null, clock.instant()); // their events were all counted
        }
        return true;
    }

    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, TrainingService.ZONE);
    }

    /** Sessions left pending for longer than a moment: their after-commit projection was lost. */
    int sweep(Instant olderThan, int limit) {
        int done = 0;
        for (UUID key : currentUser.runAsSystem(() -> store.waiting(olderThan, limit))) {
            if (project(key)) {
                done++;
            }
        }
        return done;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
