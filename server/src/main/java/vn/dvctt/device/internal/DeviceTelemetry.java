package vn.dvctt.device.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceStatus;
import vn.dvctt.content.DeviceTopic;
import vn.dvctt.content.Heartbeat;
import vn.dvctt.content.Inventory;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceState;
import vn.dvctt.mqtt.MqttGateway;

/**
 * Reads what devices say about themselves (status, heartbeat, inventory) through the shared server
 * subscription, so each message is stored by one server instance. A message that is malformed, whose
 * payload names another device than its topic, or that comes from a device not enrolled is dropped
 * and counted by reason ({@code dvctt.device.telemetry.dropped}); nothing a device sends can stop the
 * subscription. Runs on the MQTT client's thread: one short transaction, then return.
 */
@Component
public class DeviceTelemetry {

    /** What became of one message. */
    public enum Outcome { STORED, CLEARED, BAD_TOPIC, MALFORMED, SPOOFED, UNKNOWN_DEVICE, STALE, FAILED }

    private static final Logger log = LoggerFactory.getLogger(DeviceTelemetry.class);
    private static final Channel[] CHANNELS = {Channel.STATUS, Channel.HEARTBEAT, Channel.INVENTORY};

    private final Devices devices;
    private final DevicePresences presences;
    private final DeviceContents contents;
    private final MqttGateway gateway;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    DeviceTelemetry(Devices devices, DevicePresences presences, DeviceContents contents, MqttGateway gateway,
                    PlatformTransactionManager transactionManager, ObjectProvider<MeterRegistry> meters) {
        this.devices = devices;
        this.presences = presences;
        this.contents = contents;
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(transactionManager);
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
        meters.ifAvailable(registry -> counts.forEach((outcome, adder) -> {
            if (outcome != Outcome.STORED && outcome != Outcome.CLEARED) {
                FunctionCounter.builder("dvctt.device.telemetry.dropped", adder, LongAdder::doubleValue)
                        .tag("reason", outcome.name().toLowerCase()).register(registry);
            }
        }));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void subscribe() {
        for (Channel channel : CHANNELS) {
            try {
                gateway.subscribe(Topics.serverSubscription(channel), channel.qos(), this::handle);
            } catch (MqttException | RuntimeException e) {
                // the gateway keeps the subscription and makes it on the next (re)connect
                log.warn("Subscribing to {} now failed: {}", channel, e.getMessage());
            }
        }
    }

    /** How many messages ended each way since start. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Never throws. */
    public Outcome handle(String topic, byte[] payload) {
        Outcome outcome;
        try {
            outcome = store(topic, payload);
        } catch (MalformedPayloadException e) {
            outcome = Outcome.MALFORMED;
        } catch (RuntimeException e) {
            log.warn("Device message on {} not stored: {}", topic, e.toString());
            outcome = Outcome.FAILED;
        }
        counts.get(outcome).increment();
        if (outcome != Outcome.STORED && outcome != Outcome.CLEARED) {
            log.debug("Dropped device message on {}: {}", topic, outcome);
        }
        return outcome;
    }

    private Outcome store(String topic, byte[] payload) {
        Optional<DeviceTopic> parsed = Topics.parse(topic);
        if (parsed.isEmpty()) {
            return Outcome.BAD_TOPIC;
        }
        String deviceId = parsed.get().deviceId();
        Channel channel = parsed.get().channel();
        if (channel == Channel.STATUS && payload.length == 0) {
            return Outcome.CLEARED; // a retained status being cleared, e.g. after revocation
        }
        Instant now = clock.instant();
        return switch (channel) {
            case STATUS -> {
                DeviceStatus s = DeviceStatus.fromPayload(payload);
                yield !s.deviceId().equals(deviceId) ? Outcome.SPOOFED : inTransaction(deviceId, p -> {
                    p.status(s.state() == DeviceStatus.State.ONLINE, s.agentVersion(), now);
                    return Outcome.STORED;
                }, now);
            }
            case HEARTBEAT -> {
                Heartbeat h = Heartbeat.fromPayload(payload);
                yield !h.deviceId().equals(deviceId) ? Outcome.SPOOFED : inTransaction(deviceId, p -> {
                    p.heartbeat(h.agentVersion(), h.freeDiskBytes(),
                            h.lastSyncAt().isPresent() ? Instant.ofEpochMilli(h.lastSyncAt().getAsLong()) : null, now);
                    return Outcome.STORED;
                }, now);
            }
            case INVENTORY -> {
                Inventory inv = Inventory.fromPayload(payload);
                yield !inv.deviceId().equals(deviceId) ? Outcome.SPOOFED : inTransaction(deviceId, p -> {
                    if (!p.inventory(inv.at(), inv.manifestVersion(), now)) {
                        return Outcome.STALE;
                    }
                    contents.deleteByDevice(deviceId);
                    contents.saveAll(inv.items().stream().map(i -> new DeviceContent(deviceId, i.contentId(),
                            i.bytesHeld(), i.state() == Inventory.State.COMPLETE)).toList());
                    return Outcome.STORED;
                }, now);
            }
            default -> Outcome.BAD_TOPIC;
        };
    }

    private Outcome inTransaction(String deviceId, java.util.function.Function<DevicePresence, Outcome> apply,
                                  Instant now) {
        return transactions.execute(status -> {
            boolean enrolled = devices.findCredentials(deviceId).map(c -> c.getState() == DeviceState.ENROLLED)
                    .orElse(false);
            if (!enrolled) {
                return Outcome.UNKNOWN_DEVICE;
            }
            DevicePresence presence = presences.findById(deviceId).orElseGet(() ->
                    presences.save(new DevicePresence(deviceId, now)));
            Outcome outcome = apply.apply(presence);
            if (outcome != Outcome.STORED) {
                status.setRollbackOnly();
            }
            return outcome;
        });
    }
}
