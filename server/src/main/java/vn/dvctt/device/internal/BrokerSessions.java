package vn.dvctt.device.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceCredentialsWithdrawn;
import vn.dvctt.device.DeviceProperties;
import vn.dvctt.mqtt.MqttGateway;

/**
 * Tells the broker, after commit, that a device's credentials are withdrawn, so its live connection
 * drops at once; a broker that did not confirm is asked again every {@value #RETRY_SECONDS} s (the
 * device row stays marked until then, on any server instance).
 */
@Component
public class BrokerSessions implements SmartLifecycle {

    static final int RETRY_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(BrokerSessions.class);

    private final DeviceBrokerBackend backend;
    private final Devices devices;
    private final MqttGateway gateway;
    private final TransactionTemplate transactions;
    private ScheduledExecutorService retries;

    BrokerSessions(DeviceBrokerBackend backend, Devices devices, MqttGateway gateway,
                   PlatformTransactionManager transactionManager) {
        this.backend = backend;
        this.devices = devices;
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(transactionManager);
        // after commit the finished transaction is still bound to the thread: joining it would write nothing
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(DeviceCredentialsWithdrawn event) {
        drop(event.deviceId());
    }

    private void drop(String deviceId) {
        if (backend.withdrawn(deviceId)) {
            transactions.executeWithoutResult(s -> devices.clearBrokerPending(deviceId));
            clearRetainedStatus(deviceId);
            log.info("Device {} cut off at the broker ({})", deviceId, backend.name());
        }
    }

    /** A revoked device's retained ONLINE would otherwise greet every server that subscribes. */
    private void clearRetainedStatus(String deviceId) {
        try {
            gateway.publish(Topics.device(deviceId, Channel.STATUS), new byte[0], Channel.STATUS.qos(), true);
        } catch (Exception e) {
            log.debug("Retained status of {} not cleared: {}", deviceId, e.getMessage());
        }
    }

    void retryPending() {
        try {
            if (backend instanceof DynsecBackend dynsec && gateway.isConnected()) {
                dynsec.ensureServerRole();
            }
            List<String> pending = transactions.execute(s -> devices.findBrokerPending(Limit.of(200)));
            if (pending != null) {
                pending.forEach(this::drop);
            }
        } catch (RuntimeException e) {
            log.warn("Retrying withdrawn device credentials failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-broker-retry");
            t.setDaemon(true);
            return t;
        });
        retries.scheduleWithFixedDelay(this::retryPending, 3, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (retries != null) {
            retries.shutdownNow();
            retries = null;
        }
    }

    @Override
    public boolean isRunning() {
        return retries != null;
    }

    @Configuration
    static class BackendConfig {
        @Bean
        DeviceBrokerBackend deviceBrokerBackend(DeviceProperties properties, MqttGateway gateway,
                                                @Value("${dvctt.mqtt.username:}") String serverUsername) {
            String kind = properties.broker();
            if ("auto".equals(kind)) {
                kind = gateway.embeddedBroker().isPresent() ? "embedded" : "none";
            }
            DeviceBrokerBackend backend = switch (kind) {
                case "embedded" -> new EmbeddedBackend(gateway.embeddedBroker().orElseThrow(() ->
                        new IllegalStateException("dvctt.device.broker=embedded but the embedded broker is off")));
                case "mosquitto-dynsec" -> new DynsecBackend(gateway, serverUsername);
                case "emqx" -> new EmqxBackend(properties.emqx());
                case "none" -> new NoBackend();
                default -> throw new IllegalStateException("dvctt.device.broker must be auto, embedded, "
                        + "mosquitto-dynsec, emqx or none, got " + kind);
            };
            log.info("Device accounts on the broker: {}", backend.name());
            return backend;
        }
    }
}
