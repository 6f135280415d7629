package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.content.Enrollment;

class EnrollerTest {

    @TempDir
    Path dir;
    HttpServer server;
    final AtomicReference<String> received = new AtomicReference<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int status, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dvctt" + Enrollment.PATH, exchange -> {
            received.set(exchange.getRequestMethod() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dvctt/";
    }

    private int enroll(String... args) {
        return Enroller.run(args, Map.of(), new Enroller(), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheCredentialsIntoTheConfigKeepingItsOtherKeysReadableByTheOwnerOnly() throws IOException {
        String url = serve(200, Enrollment.Response.of("dv-06757-07-k3m9", "dv-06757-07-k3m9", "p@ss w0rd",
                "ssl://mqtt.example.vn:8883").toPayload());
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "data.dir=/var/lib/dvctt/Nhà văn hóa\nbroker.url=tcp://old:1883\ndevice.id=old\n");

        int exit = enroll("enroll", url, "k7qm-4xrt", config.toString());

        assertThat(exit).as(console.toString()).isZero();
        assertThat(received.get()).isEqualTo("POST {\"schemaVersion\":1,\"code\":\"k7qm-4xrt\"}");
        AgentConfig loaded = AgentConfig.load(config);
        assertThat(loaded.deviceId()).isEqualTo("dv-06757-07-k3m9");
        assertThat(loaded.username()).isEqualTo("dv-06757-07-k3m9");
        assertThat(loaded.password()).isEqualTo("p@ss w0rd");
        assertThat(loaded.brokerUrl()).isEqualTo("ssl://mqtt.example.vn:8883");
        assertThat(loaded.dataDir()).isEqualTo(Path.of("/var/lib/dvctt/Nhà văn hóa"));
        if (Files.getFileStore(config).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        }
        assertThat(console.toString()).contains("Enrolled as dv-06757-07-k3m9").doesNotContain("p@ss w0rd");
    }

    @Test
    void aRefusedCodeIsExplainedAndLeavesTheConfigAlone() throws IOException {
        String url = serve(403, Enrollment.Refusal.of(Enrollment.Reason.USED,
                "This code was already used; ask for the device to be re-enrolled").toPayload());
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "data.dir=data\n");

        assertThat(enroll("enroll", url, "K7QM", config.toString())).isEqualTo(1);

        assertThat(console.toString()).contains("USED: This code was already used");
        assertThat(Files.readString(config)).isEqualTo("data.dir=data\n");
    }

    @Test
    void anAnswerThatIsNotAnEnrollmentIsReportedWithTheStatus() throws IOException {
        String url = serve(302, "<html>login</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(enroll("enroll", url, "K7QM", dir.resolve("a.properties").toString())).isEqualTo(1);

        assertThat(console.toString()).contains("answered HTTP 302 with something that is not an enrollment answer");
        assertThat(dir.resolve("a.properties")).doesNotExist();
    }

    @Test
    void wrongUsageAndABadServerUrlAreExplained() {
        assertThat(enroll("enroll", "https://x")).isEqualTo(2);
        assertThat(console.toString()).contains("usage: java -jar dvctt-edge-agent.jar enroll <server-url> <code>");
        assertThat(enroll("enroll", "mqtt://x", "K7QM", dir.resolve("b.properties").toString())).isEqualTo(1);
        assertThat(console.toString()).contains("the server URL must look like https://");
    }
}
