package vn.dvctt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production arrangement of the actuator: its own port (as MANAGEMENT_SERVER_PORT=9090 in compose
 * and Kubernetes), the Prometheus scrape open to the allowed addresses (loopback here) without login,
 * the probes the deployments call, and the meters deploy/OPERATIONS.md names. Logs are ECS JSON here
 * because logging.structured.format.console says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "dvctt.metrics.devices-online-cache=0s",
        "logging.structured.format.console=ecs"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OperationsMetricsIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;
    @Autowired
    org.springframework.core.env.ConfigurableEnvironment environment;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapeOnTheManagementPortServesTheNamedMetersWithoutLogin() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "dvctt_sync_chunk_bytes_total",
                "dvctt_sync_chunks_total{application=\"dvctt\",outcome=\"dropped\"}",
                "dvctt_devices_online{application=\"dvctt\"}",
                "dvctt_campaign_snapshot_job_seconds_count{application=\"dvctt\",outcome=\"success\"}",
                "dvctt_campaign_task_reminder_job_seconds_count{application=\"dvctt\",outcome=\"success\"}",
                "dvctt_device_telemetry_dropped_total",
                "dvctt_ingest_events_total{application=\"dvctt\",result=\"stored\"}",
                "dvctt_ingest_events_total{application=\"dvctt\",result=\"duplicate\"}",
                "dvctt_ingest_lag_seconds",
                "dvctt_ingest_queue",
                "jvm_memory_used_bytes",
                "hikaricp_connections_active");
    }

    @Test
    void theApplicationPortDoesNotServeTheScrape() throws Exception {
        // (Vaadin answers an unknown path with its own page, so only the content tells)
        assertThat(get(port, "/actuator/prometheus").body()).doesNotContain("dvctt_devices_online");
    }

    @Test
    void livenessAndReadinessProbesAnswerOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void devicesOnlineCountsEnrolledDevicesWhosePresenceIsOnline() throws Exception {
        double before = scraped("dvctt_devices_online{application=\"dvctt\"}");
        Timestamp now = Timestamp.from(Instant.now());
        for (String[] d : new String[][] {{"ops-on", "ENROLLED", "true"}, {"ops-off", "ENROLLED", "false"},
                {"ops-revoked", "REVOKED", "true"}}) {
            jdbc.update("INSERT INTO device (device_id, venue_id, venue_name, unit_id, unit_name, unit_path, state, created_at)"
                    + " VALUES (?, 1, 'v', 1, 'u', '/1/', ?, ?)", d[0], d[1], now);
            jdbc.update("INSERT INTO device_presence (device_id, online, last_seen_at) VALUES (?, ?, ?)",
                    d[0], Boolean.parseBoolean(d[2]), now);
        }

        assertThat(scraped("dvctt_devices_online{application=\"dvctt\"}")).isEqualTo(before + 1);
    }

    @Test
    void aSnapshotJobRunIsTimed() throws Exception {
        String series = "dvctt_campaign_snapshot_job_seconds_count{application=\"dvctt\",outcome=\"success\"}";
        double before = scraped(series);

        scheduler.triggerJob(JobKey.jobKey("campaign-snapshots"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scraped(series) == before + 1);
    }

    /**
     * Logging is JVM-wide and a cached context does not set it up again: put the plain text format back,
     * or tests reading log lines later in this JVM (the demo's printed passwords) would read JSON.
     */
    @org.junit.jupiter.api.AfterAll
    static void plainLogsForTheTestsThatFollow() {
        // Boot hands the format to dvctt-logback.xml as a system property and never clears it
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        org.springframework.boot.logging.LoggingSystem logging =
                org.springframework.boot.logging.LoggingSystem.get(OperationsMetricsIT.class.getClassLoader());
        logging.cleanUp();
        logging.initialize(new org.springframework.boot.logging.LoggingInitializationContext(
                new org.springframework.core.env.StandardEnvironment()), "classpath:dvctt-logback.xml", null);
    }

    @Test
    void logsAreEcsJsonWhenTheStructuredFormatIsSet(CapturedOutput output) {
        // logging is JVM-wide: another test context started meanwhile may have set it up as text again,
        // so set it up from this context's environment, as this application does at its start
        org.springframework.boot.logging.LoggingSystem logging =
                org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        logging.initialize(new org.springframework.boot.logging.LoggingInitializationContext(environment),
                "classpath:dvctt-logback.xml", null);
        org.slf4j.LoggerFactory.getLogger(OperationsMetricsIT.class).info("structured probe line");

        assertThat(output.getOut().lines().filter(l -> l.contains("structured probe line")))
                .singleElement().satisfies(line -> assertThat(line)
                        .startsWith("{").contains("\"ecs\":{\"version\"").contains("\"message\":\"structured probe line\""));
    }

    private double scraped(String series) throws Exception {
        String body = get(managementPort, "/actuator/prometheus").body();
        return body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the scrape"));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
