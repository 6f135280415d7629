package vn.dvctt.runner.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.mqtt.MqttProperties;
import vn.dvctt.procedure.ProcedureCatalogueChanged;
import vn.dvctt.security.Scope;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dvctt.device.DeviceEnrolled;
import vn.dvctt.device.DeviceService;
import vn.dvctt.team.RunnerAccessChanged;
import vn.dvctt.team.TeamMembershipChanged;
import vn.dvctt.training.VenueScheduleChanged;

/**
 * Re-briefs the devices a change concerns, after its commit, on one background thread per instance:
 * a device that enrolled, a venue whose sessions changed, an area whose team members or PINs changed,
 * every device when the procedure catalogue changed. The daily job ({@link RunnerBriefJob}) covers the
 * window of sessions moving on.
 */
@Component
class RunnerBriefTriggers {

    private static final Logger log = LoggerFactory.getLogger(RunnerBriefTriggers.class);
    private final RunnerBriefs briefs;
    private final MqttGateway gateway;
    private final MqttProperties mqtt;
    private final JdbcTemplate jdbc;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "runner-briefs");
        t.setDaemon(true);
        return t;
    });

    RunnerBriefTriggers(RunnerBriefs briefs, MqttGateway gateway, MqttProperties mqtt, JdbcTemplate jdbc) {
        this.briefs = briefs;
        this.gateway = gateway;
        this.mqtt = mqtt;
        this.jdbc = jdbc;
    }

    /**
     * The embedded broker forgets retained messages when it stops, so on the embedded default (one
     * instance by definition) every brief is published again once connected. An external broker keeps
     * them; there the triggers and the daily job do the work, not every instance's start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (!mqtt.embedded().enabled()) {
            return;
        }
        worker.execute(() -> {
            try {
                for (int i = 0; i < 120 && !gateway.isConnected(); i++) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
                jdbc.update("DELETE FROM runner_brief");
                log.info("Runner briefs published to the embedded broker: {}", briefs.publishWithin(Scope.ROOT_PATH, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @TransactionalEventListener
    void on(DeviceEnrolled event) {
        worker.execute(() -> briefs.publish(new DeviceService.Installed(event.deviceId(), event.venueId())));
    }

    @TransactionalEventListener
    void on(VenueScheduleChanged event) {
        worker.execute(() -> briefs.publishWithin(event.unitPath(), event.venueId()));
    }

    @TransactionalEventListener
    void on(RunnerAccessChanged event) {
        worker.execute(() -> briefs.publishWithin(event.unitPath(), null));
    }

    @TransactionalEventListener
    void on(TeamMembershipChanged event) {
        worker.execute(() -> briefs.publishWithin(event.unitPath(), null));
    }

    @TransactionalEventListener
    void on(ProcedureCatalogueChanged event) {
        worker.execute(() -> briefs.publishWithin(Scope.ROOT_PATH, null));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
