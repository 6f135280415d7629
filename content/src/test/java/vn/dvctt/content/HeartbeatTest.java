package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.HEARTBEAT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final String JSON = HEARTBEAT.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(HEARTBEAT.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(Golden.resource("/golden/heartbeat-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedHeartbeat() throws IOException {
        assertThat(Heartbeat.fromPayload(Golden.resource("/golden/heartbeat-v1.json"))).isEqualTo(HEARTBEAT);
    }

    @Test
    void deviceThatNeverSyncedLeavesLastSyncOut() {
        Heartbeat never = Heartbeat.of("a1", "0.1.0", 5, 0, OptionalLong.empty());

        assertThat(never.toJson()).doesNotContain("lastSyncAt");
        assertThat(Heartbeat.fromPayload(never.toPayload())).isEqualTo(never);
    }

    @Test
    void rejectsUnknownSchemaVersionAndUnknownField() {
        assertThatThrownBy(() -> Heartbeat.fromJson(JSON.replace("\"schemaVersion\":1", "\"schemaVersion\":0")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported heartbeat schemaVersion 0 (this build reads 1)");
        assertThatThrownBy(() -> Heartbeat.fromJson(JSON.replace("}", ",\"cpu\":3}")))
                .hasMessage("unknown heartbeat field(s) [cpu]");
    }

    @Test
    void rejectsNegativeFreeDiskAndNestedValues() {
        assertThatThrownBy(() -> Heartbeat.fromJson(JSON.replace("52428800000", "-1")))
                .hasMessage("invalid heartbeat: freeDiskBytes must be >= 0, got -1");
        assertThatThrownBy(() -> Heartbeat.fromJson(JSON.replace("52428800000", "[1]")))
                .hasMessageStartingWith("malformed JSON at offset ");
    }

    @Test
    void rejectsOversizedPayloadBeforeParsingIt() {
        assertThatThrownBy(() -> Heartbeat.fromPayload(new byte[Heartbeat.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("heartbeat payload is 1025 bytes, more than the 1024 allowed");
    }

    @Test
    void recordRefusesValuesTheWireWouldReject() {
        assertThatIllegalArgumentException().isThrownBy(() -> Heartbeat.of("a1", "1", -1, 0, OptionalLong.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> Heartbeat.of("a1", "1", 0, 0, OptionalLong.of(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> Heartbeat.of("a1", "1", 0, 0, null));
    }
}
