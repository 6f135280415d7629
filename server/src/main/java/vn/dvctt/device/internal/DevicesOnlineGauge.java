package vn.dvctt.device.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code dvctt.devices.online}: how many enrolled devices are online, read from the database's
 * presence table rather than counted in memory, so every server instance reports the same fleet-wide
 * figure (any instance may have stored any device's status). Cached for a few seconds so that several
 * scrapers, or a scrape per instance, cost one small query per interval.
 */
@Component
class DevicesOnlineGauge {

    private static final Logger log = LoggerFactory.getLogger(DevicesOnlineGauge.class);
    private final DevicePresences presences;
    private final long cacheNanos;
    private long readAt;
    private double value = Double.NaN;

    DevicesOnlineGauge(DevicePresences presences, MeterRegistry meters,
                       @Value("${dvctt.metrics.devices-online-cache:5s}") Duration cache) {
        this.presences = presences;
        this.cacheNanos = cache.toNanos();
        Gauge.builder("dvctt.devices.online", this, DevicesOnlineGauge::value)
                .description("Enrolled devices online (fleet-wide, from the database)").register(meters);
    }

    synchronized double value() {
        long now = System.nanoTime();
        if (Double.isNaN(value) || now - readAt >= cacheNanos) {
            try {
                value = presences.countOnline();
            } catch (RuntimeException e) {
                // an unknown figure shows as NaN, never as a stale or made-up one
                log.warn("Devices online not counted: {}", e.toString());
                value = Double.NaN;
            }
            readAt = now;
        }
        return value;
    }
}
