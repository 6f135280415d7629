package vn.dvctt.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.DeviceTopic;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceService;
import vn.dvctt.mqtt.AckingSubscriber.Delivery;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.training.SessionStatus;
import vn.dvctt.training.TrainingService;

/**
 * Turns deliveries from the events channel into stored events, in one transaction per group of
 * deliveries: checks who speaks (the topic's device, enrolled, the same as the payload's), refuses
 * what can never be stored (a malformed batch goes to the dead letters whole; an event naming another
 * device's session, a session not at the device's venue or an unknown procedure is refused alone),
 * and stores the rest once by event id. Returns what to acknowledge; the caller acks only after this
 * returns, that is after the commit.
 */
@Component
class EventIngestor {

    private final EventStore store;
    private final DeviceService devices;
    private final TrainingService training;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final DeadLetterLimit deadLetterLimit;
    private final IngestMetrics metrics;
    private final Clock clock;

    EventIngestor(EventStore store, DeviceService devices, TrainingService training, CurrentUser currentUser,
                  PlatformTransactionManager transactions, DeadLetterLimit deadLetterLimit, IngestMetrics metrics
                  ) {
        this.store = store;
        this.devices = devices;
        this.training = training;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
        this.deadLetterLimit = deadLetterLimit;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** What a group of deliveries came to, once committed. */
    /** {@code acks}: one per batch that was read, so an ack never outgrows a batch (500 events). */
    record Outcome(List<EventAck> acks, Set<UUID> sessionsWithNewEvents, int stored, int duplicates,
                   int rejected, int deadLetters) {
    }

    private record Refusal(Delivery delivery, String deviceId, String reason) {
    }

    /** A batch read from one delivery; a map key by identity (hashing 500 events per lookup would be waste). */
    private record Accepted(Delivery delivery, String deviceId, long venueId, EventBatch batch) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * @throws org.springframework.dao.DataAccessException when the database refused the whole group; nothing
     *     was stored and nothing may be acknowledged
     */
    Outcome ingest(List<Delivery> deliveries) {
        return currentUser.runAsSystem(() -> transaction.execute(status -> store(deliveries)));
    }

    /** Gives up on one message the database would not store: a dead letter, and its events refused to the agent. */
    Outcome refuseWhole(Delivery d, String reason) {
        return currentUser.runAsSystem(() -> transaction.execute(status -> {
            String deviceId = Topics.parse(d.topic()).map(DeviceTopic::deviceId).orElse(null);
            store.deadLetter(clock.instant(), deviceId, d.topic(), reason, null, d.payload().length, head(d.payload()));
            List<EventAck> acks = new ArrayList<>();
            try {
                EventBatch batch = EventBatch.fromPayload(d.payload());
                if (batch.deviceId().equals(deviceId)) {
                    String why = EventStore.truncate(reason, EventAck.MAX_REASON);
                    acks.add(EventAck.of(deviceId, List.of(), batch.events().stream()
                            .map(e -> new EventAck.Rejection(e.id(), why)).toList()));
                }
            } catch (MalformedPayloadException e) {
                // it parsed before; nothing to tell the agent if it no longer does
            }
            metrics.refusedMessage("storage refused");
            return new Outcome(acks, Set.of(), 0, 0, acks.isEmpty() ? 0 : acks.get(0).rejected().size(), 1);
        }));
    }

    private Outcome store(List<Delivery> deliveries) {
        Instant now = clock.instant();
        List<Refusal> refusals = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        Map<String, Optional<DeviceService.Installed>> installed = new HashMap<>();
        for (Delivery d : deliveries) {
            Optional<DeviceTopic> topic = Topics.parse(d.topic());
            String deviceId = topic.map(DeviceTopic::deviceId).orElse(null);
            if (deviceId == null) {
                refusals.add(new Refusal(d, null, "not a device topic"));
                continue;
            }
            if (d.payload().length > EventBatch.MAX_PAYLOAD_BYTES) {
                refusals.add(new Refusal(d, deviceId, "oversized: " + d.payload().length + " bytes, at most "
                        + EventBatch.MAX_PAYLOAD_BYTES));
                continue;
            }
            EventBatch batch;
            try {
                batch = EventBatch.fromPayload(d.payload());
            } catch (MalformedPayloadException e) {
                refusals.add(new Refusal(d, deviceId, "malformed: " + e.getMessage()));
                continue;
            }
            if (!batch.deviceId().equals(deviceId)) {
                refusals.add(new Refusal(d, deviceId, "spoofed: device " + deviceId + " sent a batch of "
                        + batch.deviceId()));
                continue;
            }
            Optional<DeviceService.Installed> at = installed.computeIfAbsent(deviceId, devices::installedAt);
            if (at.isEmpty()) {
                refusals.add(new Refusal(d, deviceId, "unknown device: " + deviceId + " is not enrolled"));
                continue;
            }
            accepted.add(new Accepted(d, deviceId, at.get().venueId(), batch));
        }

        Map<Accepted, List<String>> storedIds = new LinkedHashMap<>();
        Map<Accepted, List<EventAck.Rejection>> rejections = new LinkedHashMap<>();
        Map<UUID, String> owners = store.owners(accepted.stream().flatMap(a -> a.batch().events().stream())
                .map(e -> UUID.fromString(e.session())).collect(java.util.stream.Collectors.toSet()));
        Map<UUID, String> claims = new HashMap<>();
        Map<Accepted, List<AgentEvent>> keep = new LinkedHashMap<>();
        Map<String, Boolean> procedureKnown = new HashMap<>();
        int deadLetters = 0;
        for (Accepted a : accepted) {
            List<AgentEvent> ok = new ArrayList<>();
            for (AgentEvent e : a.batch().events()) {
                String why = refusal(e, a, owners, procedureKnown);
                if (why != null) {
                    rejections.computeIfAbsent(a, k -> new ArrayList<>())
                            .add(new EventAck.Rejection(e.id(), EventStore.truncate(why, EventAck.MAX_REASON)));
                    if (deadLetterLimit.allow(a.deviceId())) {
                        store.deadLetter(now, a.deviceId(), a.delivery().topic(), "event refused: " + why,
                                UUID.fromString(e.id()), a.delivery().payload().length, e.toJson());
                        deadLetters++;
                    }
                    metrics.refusedEvent();
                    continue;
                }
                UUID key = UUID.fromString(e.session());
                if (!owners.containsKey(key)) {
                    claims.put(key, a.deviceId());
                    owners.put(key, a.deviceId());
                }
                ok.add(e);
            }
            keep.put(a, ok);
        }
        store.claimSessions(claims, now);
        if (!claims.isEmpty()) {
            // on PostgreSQL another instance may have claimed a key first; its owner is the one that counts
            owners.putAll(store.owners(claims.keySet()));
        }

        int stored = 0;
        int duplicates = 0;
        Map<UUID, Integer> newBySession = new HashMap<>();
        for (Map.Entry<Accepted, List<AgentEvent>> entry : keep.entrySet()) {
            Accepted a = entry.getKey();
            List<EventStore.Incoming> incoming = new ArrayList<>();
            for (AgentEvent e : entry.getValue()) {
                if (!a.deviceId().equals(owners.get(UUID.fromString(e.session())))) {
                    rejections.computeIfAbsent(a, k -> new ArrayList<>())
                            .add(new EventAck.Rejection(e.id(), "the session belongs to another device"));
                    metrics.refusedEvent();
                    continue;
                }
                incoming.add(new EventStore.Incoming(a.deviceId(), e, now));
            }
            Set<UUID> inserted;
            try {
                inserted = store.insertNew(incoming);
            } catch (SQLException e) {
                throw new org.springframework.dao.DataIntegrityViolationException("storing events failed", e);
            }
            for (EventStore.Incoming in : incoming) {
                storedIds.computeIfAbsent(a, k -> new ArrayList<>()).add(in.event().id());
                if (inserted.contains(UUID.fromString(in.event().id()))) {
                    newBySession.merge(UUID.fromString(in.event().session()), 1, Integer::sum);
                    metrics.eventAge(Math.max(0, now.toEpochMilli() - in.event().at()) / 1000.0);
                    stored++;
                } else {
                    duplicates++;
                }
            }
        }
        store.markPending(newBySession, now);

        for (Refusal r : refusals) {
            int colon = r.reason().indexOf(':');
            metrics.refusedMessage(colon > 0 ? r.reason().substring(0, colon) : r.reason());
            if (r.deviceId() == null || deadLetterLimit.allow(r.deviceId())) {
                store.deadLetter(now, r.deviceId(), r.delivery().topic(), r.reason(), null, r.delivery().payload().length,
                        head(r.delivery().payload()));
                deadLetters++;
            }
        }

        List<EventAck> acks = new ArrayList<>();
        for (Accepted a : accepted) {
            List<String> ids = storedIds.getOrDefault(a, List.of());
            List<EventAck.Rejection> refused = rejections.getOrDefault(a, List.of());
            if (!ids.isEmpty() || !refused.isEmpty()) {
                acks.add(EventAck.of(a.deviceId(), ids, refused));
            }
        }
        int rejected = rejections.values().stream().mapToInt(List::size).sum();
        return new Outcome(acks, newBySession.keySet(), stored, duplicates, rejected, deadLetters);
    }

    /** Why an otherwise well-formed event can never be stored; null when it can. */
    private String refusal(AgentEvent e, Accepted a, Map<UUID, String> owners, Map<String, Boolean> procedureKnown) {
        String owner = owners.get(UUID.fromString(e.session()));
        if (owner != null && !owner.equals(a.deviceId())) {
            return "the session belongs to another device";
        }
        if (e.body() instanceof AgentEvent.SessionStarted s && s.scheduledSession() != null) {
            var session = training.atVenue(s.scheduledSession(), a.venueId());
            if (session.isEmpty()) {
                return "session " + s.scheduledSession() + " is not scheduled at this device's venue";
            }
            if (session.get().status() == SessionStatus.CANCELLED) {
                return "session " + s.scheduledSession() + " was cancelled";
            }
        }
        if (e.body() instanceof AgentEvent.SubmissionRecorded s) {
            if (!procedureKnown.computeIfAbsent(s.procedureCode().trim(), training::knowsProcedure)) {
                return "unknown procedure " + s.procedureCode();
            }
            if (s.dossierCode() != null && !TrainingService.isDossierCode(s.dossierCode())) {
                return "malformed dossier code " + s.dossierCode();
            }
        }
        return null;
    }

    /** The start of a refused payload as printable text: PostgreSQL refuses NUL in text, an operator binary. */
    private static String head(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 2000), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '·' : c));
        return out.toString();
    }
}
