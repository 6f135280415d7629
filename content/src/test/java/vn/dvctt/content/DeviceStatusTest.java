package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dvctt.content.DeviceStatus.State;

class DeviceStatusTest {

    /** Pinned by golden/device-status-v1.json: change one only together with the other. */
    private static final DeviceStatus GOLDEN = DeviceStatus.online("hg-vixuyen-001", "0.1.0", 1_717_200_000_000L);

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        byte[] golden = resource("/golden/device-status-v1.json");

        assertThat(new String(GOLDEN.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(golden, StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedRecord() throws IOException {
        assertThat(DeviceStatus.fromPayload(resource("/golden/device-status-v1.json"))).isEqualTo(GOLDEN);
    }

    @Test
    void statusRoundTripsThroughJson() {
        DeviceStatus online = DeviceStatus.online("a1", "1.2.3", 1L);
        DeviceStatus offline = DeviceStatus.offline("a1", "1.2.3", 0L);

        assertThat(DeviceStatus.fromJson(online.toJson())).isEqualTo(online);
        assertThat(DeviceStatus.fromPayload(offline.toPayload())).isEqualTo(offline);
    }

    @Test
    void agentVersionWithQuotesBackslashesControlsAndVietnameseRoundTrips() {
        DeviceStatus status = DeviceStatus.online("a1", "0.1 \"bản\" C:\\thôn\n\t\u0001 😀 \u2028", Long.MAX_VALUE);

        assertThat(DeviceStatus.fromPayload(status.toPayload())).isEqualTo(status);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = DeviceStatus.online("a1", "\"\\\n\r\t\b\f\u0001", 5L).toJson();

        assertThat(json).contains("\"agentVersion\":\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\"");
    }

    @Test
    void loneSurrogateSurvivesTheByteRoundTrip() {
        DeviceStatus status = DeviceStatus.online("a1", "x\ud800y", 5L);

        assertThat(status.toJson()).contains("x\\ud800y");
        assertThat(DeviceStatus.fromPayload(status.toPayload())).isEqualTo(status);
    }

    @Test
    void readsEveryJsonEscapeAndAnyFieldOrderAndWhitespace() {
        String json = " {\r\n\t\"at\" : 7 , \"state\":\"OFFLINE\", \"agentVersion\":\"a\\/b\\u0041\\ud83d\\ude00\","
                + "\"deviceId\":\"d-1\",\"schemaVersion\":1 } \n";

        assertThat(DeviceStatus.fromJson(json)).isEqualTo(DeviceStatus.offline("d-1", "a/bA😀", 7L));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, -1})
    void rejectsUnknownSchemaVersion(int version) {
        String json = GOLDEN.toJson().replace("\"schemaVersion\":1", "\"schemaVersion\":" + version);

        assertThatThrownBy(() -> DeviceStatus.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported device status schemaVersion " + version + " (this build reads 1)");
    }

    @Test
    void reportsNewerSchemaVersionRatherThanItsNewFields() {
        String json = "{\"schemaVersion\":2,\"deviceId\":\"a1\",\"battery\":80}";

        assertThatThrownBy(() -> DeviceStatus.fromJson(json)).hasMessageContaining("unsupported device status schemaVersion 2");
    }

    @Test
    void rejectsUnknownField() {
        String json = GOLDEN.toJson().replace("}", ",\"battery\":80}");

        assertThatThrownBy(() -> DeviceStatus.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unknown device status field(s) [battery]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"schemaVersion", "deviceId", "state", "agentVersion", "at"})
    void rejectsStatusWithAFieldMissing(String field) {
        String json = switch (field) {
            case "schemaVersion" -> "{\"deviceId\":\"a1\",\"state\":\"ONLINE\",\"agentVersion\":\"1\",\"at\":1}";
            case "deviceId" -> "{\"schemaVersion\":1,\"state\":\"ONLINE\",\"agentVersion\":\"1\",\"at\":1}";
            case "state" -> "{\"schemaVersion\":1,\"deviceId\":\"a1\",\"agentVersion\":\"1\",\"at\":1}";
            case "agentVersion" -> "{\"schemaVersion\":1,\"deviceId\":\"a1\",\"state\":\"ONLINE\",\"at\":1}";
            default -> "{\"schemaVersion\":1,\"deviceId\":\"a1\",\"state\":\"ONLINE\",\"agentVersion\":\"1\"}";
        };

        assertThatThrownBy(() -> DeviceStatus.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("device status field \"" + field + "\" is missing");
    }

    @Test
    void rejectsFieldOfTheWrongType() {
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("\"at\":1717200000000", "\"at\":\"1717200000000\"")))
                .hasMessage("device status field \"at\" must be an integer");
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("\"0.1.0\"", "10")))
                .hasMessage("device status field \"agentVersion\" must be a string");
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\"")))
                .hasMessage("device status field \"schemaVersion\" must be an integer");
    }

    @Test
    void rejectsUnknownState() {
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("ONLINE", "online")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unknown device status state \"online\"");
    }

    @Test
    void rejectsPayloadWhoseDeviceIdBreaksTheRule() {
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("hg-vixuyen-001", "hg/+")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid device status: device id may contain only");
    }

    @Test
    void rejectsPayloadWithNegativeTime() {
        assertThatThrownBy(() -> DeviceStatus.fromJson(GOLDEN.toJson().replace("1717200000000", "-5")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("at must be epoch milliseconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "[]",
            "{",
            "{\"schemaVersion\":1",
            "{\"schemaVersion\":1,}",
            "{,}",
            "{\"schemaVersion\" 1}",
            "{schemaVersion:1}",
            "{'schemaVersion':1}",
            "{\"schemaVersion\":1}{}",
            "{\"schemaVersion\":1} x",
            "{\"schemaVersion\":1,\"schemaVersion\":1}",
            "{\"schemaVersion\":true}",
            "{\"schemaVersion\":null}",
            "{\"schemaVersion\":{}}",
            "{\"schemaVersion\":[1]}",
            "{\"schemaVersion\":1.0}",
            "{\"schemaVersion\":1e0}",
            "{\"schemaVersion\":01}",
            "{\"schemaVersion\":-}",
            "{\"schemaVersion\":+1}",
            "{\"schemaVersion\":99999999999999999999}",
            "{\"deviceId\":\"a1}",
            "{\"deviceId\":\"a\n1\"}",
            "{\"deviceId\":\"a\\x1\"}",
            "{\"deviceId\":\"a\\u12\"}",
            "{\"deviceId\":\"a\\u12g4\"}",
            "{\"deviceId\":\"a\\"
    })
    void rejectsMalformedJsonWithItsOffset(String json) {
        assertThatThrownBy(() -> DeviceStatus.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageStartingWith("malformed JSON at offset "),
                        e -> assertThat(e).hasMessageStartingWith("duplicate field \"schemaVersion\" at offset "),
                        e -> assertThat(e).hasMessageStartingWith("integer out of range at offset "));
    }

    @Test
    void rejectsNullJson() {
        assertThatThrownBy(() -> DeviceStatus.fromJson(null)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void rejectsPayloadThatIsNotUtf8() {
        byte[] payload = GOLDEN.toPayload();
        byte[] corrupted = new byte[payload.length + 1];
        System.arraycopy(payload, 0, corrupted, 0, payload.length - 2);
        corrupted[payload.length - 2] = (byte) 0xC3; // a lead byte followed by ASCII is invalid UTF-8
        corrupted[payload.length - 1] = '0';
        corrupted[payload.length] = '}';

        assertThatThrownBy(() -> DeviceStatus.fromPayload(corrupted))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("payload is not valid UTF-8");
    }

    @Test
    void recordRefusesValuesTheWireWouldReject() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceStatus(2, "a1", State.ONLINE, "1", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceStatus.online("a1", " ", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceStatus.online("a1", "1", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceStatus.online("a+", "1", 0));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DeviceStatusTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
