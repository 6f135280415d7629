package vn.dvctt.sync.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Topics;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.mqtt.MqttProperties;

/**
 * The embedded broker keeps retained messages in memory only: after a restart no device would find
 * its manifest until the next change. So, on the embedded default only, every live manifest is
 * published again once the server is connected. An external broker (Mosquitto with persistence,
 * EMQX) keeps them itself, and several instances must not all flood it at start-up.
 */
@Component
public class ManifestRepublisher {

    private static final Logger log = LoggerFactory.getLogger(ManifestRepublisher.class);
    private static final int PAGE = 500;

    private final SyncManifests manifests;
    private final MqttGateway gateway;
    private final MqttProperties properties;
    private final TransactionTemplate readOnly;

    ManifestRepublisher(SyncManifests manifests, MqttGateway gateway, MqttProperties properties,
                        PlatformTransactionManager transactions) {
        this.manifests = manifests;
        this.gateway = gateway;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (!properties.embedded().enabled()) {
            return;
        }
        Thread thread = new Thread(this::republishWhenConnected, "manifest-republish");
        thread.setDaemon(true);
        thread.start();
    }

    void republishWhenConnected() {
        try {
            for (int i = 0; i < 120 && !gateway.isConnected(); i++) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            log.info("Manifests published again to the embedded broker: {}", republishAll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not publish the manifests again; devices get theirs at the next change", e);
        }
    }

    /** Publishes every live manifest retained, as stored; returns how many. */
    public int republishAll() {
        int count = 0;
        String after = "";
        while (true) {
            String from = after;
            List<SyncManifest> page = readOnly.execute(status -> manifests.liveAfter(from, PageRequest.of(0, PAGE)));
            if (page == null || page.isEmpty()) {
                return count;
            }
            for (SyncManifest manifest : page) {
                try {
                    gateway.publish(Topics.device(manifest.getDeviceId(), Channel.MANIFEST),
                            manifest.getManifestJson().getBytes(StandardCharsets.UTF_8), Channel.MANIFEST.qos(), true)
                            .waitForCompletion(10_000);
                    count++;
                } catch (Exception e) {
                    log.warn("Manifest of {} not published again: {}", manifest.getDeviceId(), e.getMessage());
                }
            }
            after = page.get(page.size() - 1).getDeviceId();
        }
    }
}
