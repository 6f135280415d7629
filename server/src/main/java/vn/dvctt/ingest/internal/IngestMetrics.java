package vn.dvctt.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What ingestion did, per instance: events stored, duplicates skipped, events and messages refused
 * (by reason), how long a message waited from arrival to its commit, how old events were when stored
 * (the agents' backlog) and how many messages wait in memory.
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter refusedEvents;
    private final Timer commitLag;
    private final DistributionSummary eventAge;
    final AtomicInteger queued = new AtomicInteger();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        stored = Counter.builder("dvctt.ingest.events").tag("result", "stored")
                .description("Session-runner events stored for the first time").register(registry);
        duplicates = Counter.builder("dvctt.ingest.events").tag("result", "duplicate")
                .description("Events received again and skipped (already stored)").register(registry);
        refusedEvents = Counter.builder("dvctt.ingest.events").tag("result", "refused")
                .description("Well-formed events refused for good (foreign session, unknown procedure...)")
                .register(registry);
        commitLag = Timer.builder("dvctt.ingest.lag").description("From a message's arrival to its commit")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        eventAge = DistributionSummary.builder("dvctt.ingest.event.age").baseUnit("seconds")
                .description("Age of events when stored: how long agents held them").register(registry);
        registry.gauge("dvctt.ingest.queue", queued);
    }

    void stored(int n) {
        stored.increment(n);
    }

    void duplicates(int n) {
        duplicates.increment(n);
    }

    void refusedEvent() {
        refusedEvents.increment();
    }

    void refusedMessage(String reason) {
        registry.counter("dvctt.ingest.messages.refused", "reason", reason).increment();
    }

    void lag(Duration lag) {
        commitLag.record(lag);
    }

    void eventAge(double seconds) {
        eventAge.record(seconds);
    }

    double storedTotal() {
        return stored.count();
    }

    double duplicatesTotal() {
        return duplicates.count();
    }
}
