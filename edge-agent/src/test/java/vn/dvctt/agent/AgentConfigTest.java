package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentConfigTest {

    @TempDir
    Path dir;

    @Test
    void loadsEveryKeyFromTheFile() throws IOException {
        Path file = write("""
                broker.url = tcp://broker.example.vn:1883\t
                device.id = hg-vixuyen-001
                broker.username = agent-hg-vixuyen-001
                broker.password = s3cret with spaces\s
                data.dir = /var/lib/dvctt/Nhà văn hóa
                """);

        AgentConfig config = AgentConfig.load(file);

        assertThat(config.brokerUrl()).isEqualTo("tcp://broker.example.vn:1883");
        assertThat(config.deviceId()).isEqualTo("hg-vixuyen-001");
        assertThat(config.username()).isEqualTo("agent-hg-vixuyen-001");
        assertThat(config.password()).as("passwords are verbatim").isEqualTo("s3cret with spaces ");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/dvctt/Nhà văn hóa"));
    }

    @Test
    void servesTheSessionRunnerOn8765UnlessRunnerPortSaysOtherwise() throws IOException {
        String base = "broker.url=tcp://127.0.0.1:1883\ndevice.id=a1\ndata.dir=data\n";
        assertThat(AgentConfig.load(write(base)).runnerPort()).isEqualTo(8765);
        assertThat(AgentConfig.load(write(base + "runner.port=9000\n")).runnerPort()).isEqualTo(9000);
        assertThat(AgentConfig.load(write(base + "runner.port=0\n")).runnerPort()).as("0: no page").isZero();
        Path tooHigh = write(base + "runner.port=70000\n");
        assertThatThrownBy(() -> AgentConfig.load(tooHigh)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("runner.port");
    }

    @Test
    void asksSlicesOf64KiBEightAtATimeUnlessTheSyncKeysSayOtherwise() throws IOException {
        String base = "broker.url=tcp://127.0.0.1:1883\ndevice.id=a1\ndata.dir=data\n";
        var defaults = AgentConfig.load(write(base)).sync();
        assertThat(defaults.sliceBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.requestsInFlight()).isEqualTo(8);
        var tuned = AgentConfig.load(write(base + "sync.slice-kb=32\nsync.requests-in-flight=12\n")).sync();
        assertThat(tuned.sliceBytes()).isEqualTo(32 * 1024);
        assertThat(tuned.requestsInFlight()).isEqualTo(12);
        var whole = AgentConfig.load(write(base + "sync.slice-kb=0\nsync.requests-in-flight=2\n")).sync();
        assertThat(whole.wholeChunks()).as("0: whole chunks, for a server not yet upgraded").isTrue();
        Path tooLarge = write(base + "sync.slice-kb=961\n");
        assertThatThrownBy(() -> AgentConfig.load(tooLarge)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("slice size must be 0 (whole chunks) or 1024..983040 bytes");
    }

    @Test
    void connectsAnonymouslyWhenNoCredentialsAreGiven() throws IOException {
        AgentConfig config = AgentConfig.load(write("""
                broker.url=ssl://127.0.0.1:8883
                device.id=a1
                broker.username=
                data.dir=data
                """));

        assertThat(config.username()).isNull();
        assertThat(config.password()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker.url", "device.id", "data.dir"})
    void namesTheMissingRequiredKeyAndTheFile(String key) throws IOException {
        Path file = write(validWithout(key));

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessage("agent config " + file + ": missing required key " + key);
    }

    @Test
    void treatsBlankValueAsMissing() throws IOException {
        Path file = write(validWithout("device.id") + "device.id =   \n");

        assertThatThrownBy(() -> AgentConfig.load(file)).hasMessageEndingWith("missing required key device.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev+1", "#", "thôn/1", "dev_1"})
    void rejectsDeviceIdThatBreaksTheContractRule(String id) throws IOException {
        Path file = write(validWithout("device.id") + "device.id=" + id + "\n");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("device.id is invalid: device id may contain only");
    }

    @Test
    void rejectsDeviceIdLongerThanSixtyFourCharacters() throws IOException {
        Path file = write(validWithout("device.id") + "device.id=" + "a".repeat(65) + "\n");

        assertThatThrownBy(() -> AgentConfig.load(file)).hasMessageContaining("device.id is invalid: device id must be at most 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://broker:1883", "127.0.0.1:1883", "broker", "tcp://", "tcp://bro ker:1883"})
    void rejectsBrokerUrlThatPahoCannotUse(String url) throws IOException {
        Path file = write(validWithout("broker.url") + "broker.url=" + url + "\n");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("broker.url must look like tcp://host:1883, got \"" + url + "\"");
    }

    @Test
    void rejectsPasswordWithoutUsername() throws IOException {
        Path file = write(validWithout("") + "broker.password=x\n");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageEndingWith("broker.password is set but broker.username is not");
    }

    @Test
    void rejectsUnknownKeySoThatATypoIsNotSilentlyIgnored() throws IOException {
        Path file = write(validWithout("") + "broker.usrname=agent\n");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("unknown key(s) [broker.usrname]");
    }

    @Test
    void reportsMissingFileWithItsPathAndHowToPointElsewhere() {
        Path file = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not found")
                .hasMessageContaining("DVCTT_AGENT_CONFIG");
    }

    @Test
    void reportsUnreadableFileContent() throws IOException {
        Path file = write(validWithout("") + "data.dir=\\u00zz\n");

        assertThatThrownBy(() -> AgentConfig.load(file))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void findsTheFileFromArgumentThenEnvironmentThenWorkingDirectory() {
        Map<String, String> env = Map.of("DVCTT_AGENT_CONFIG", "/etc/dvctt/agent.properties");

        assertThat(AgentConfig.locate(new String[] {"/opt/a.properties"}, env)).isEqualTo(Path.of("/opt/a.properties"));
        assertThat(AgentConfig.locate(new String[0], env)).isEqualTo(Path.of("/etc/dvctt/agent.properties"));
        assertThat(AgentConfig.locate(new String[0], Map.of())).isEqualTo(Path.of("agent.properties"));
        assertThat(AgentConfig.locate(new String[0], Map.of("DVCTT_AGENT_CONFIG", " "))).isEqualTo(Path.of("agent.properties"));
    }

    @Test
    void neverPrintsThePassword() {
        AgentConfig config = new AgentConfig("tcp://b:1883", "a1", "u", "hunter2", Path.of("d"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("password=<set>");
    }

    private String validWithout(String key) {
        StringBuilder s = new StringBuilder();
        Map.of("broker.url", "tcp://127.0.0.1:1883", "device.id", "a1", "data.dir", "data").forEach((k, v) -> {
            if (!k.equals(key)) {
                s.append(k).append('=').append(v).append('\n');
            }
        });
        return s.toString();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("agent.properties"), content, StandardCharsets.UTF_8);
    }
}
