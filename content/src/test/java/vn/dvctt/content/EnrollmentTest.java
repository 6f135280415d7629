package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnrollmentTest {

    /** Pinned by golden/enrollment-*-v1.json: change one only together with the other. */
    static final Enrollment.Request REQUEST = Enrollment.Request.of("K7QM-4XRT-9WPL-2HDC");
    static final Enrollment.Response RESPONSE = Enrollment.Response.of("dv-06757-07-k3m9", "dv-06757-07-k3m9",
            "q8Zt-Xv2pLr9_mN4kWcY7bHd", "ssl://mqtt.quangninh.gov.vn:8883");
    static final Enrollment.Refusal REFUSAL = Enrollment.Refusal.of(Enrollment.Reason.EXPIRED,
            "Mã đăng ký đã hết hạn lúc 01/06/2024 08:00; xin cán bộ tổ chức cấp mã mới");

    @Test
    void encodingsMatchTheGoldenFiles() throws IOException {
        assertThat(text(REQUEST.toPayload())).as("wire contract changed: bump SCHEMA_VERSION, add a new golden file")
                .isEqualTo(text(Golden.resource("/golden/enrollment-request-v1.json")));
        assertThat(text(RESPONSE.toPayload())).isEqualTo(text(Golden.resource("/golden/enrollment-response-v1.json")));
        assertThat(text(REFUSAL.toPayload())).isEqualTo(text(Golden.resource("/golden/enrollment-refusal-v1.json")));
    }

    @Test
    void goldenFilesDecodeToTheFixedRecords() throws IOException {
        assertThat(Enrollment.Request.fromPayload(Golden.resource("/golden/enrollment-request-v1.json")))
                .isEqualTo(REQUEST);
        assertThat(Enrollment.Response.fromPayload(Golden.resource("/golden/enrollment-response-v1.json")))
                .isEqualTo(RESPONSE);
        assertThat(Enrollment.Refusal.fromPayload(Golden.resource("/golden/enrollment-refusal-v1.json")))
                .isEqualTo(REFUSAL);
    }

    @Test
    void codesAreComparedWithoutDashesSpacesOrCase() {
        assertThat(Enrollment.normalizeCode(" k7qm-4xrt 9wpl-2hdc")).isEqualTo("K7QM4XRT9WPL2HDC");
        assertThatIllegalArgumentException().isThrownBy(() -> Enrollment.normalizeCode("--"));
        assertThatIllegalArgumentException().isThrownBy(() -> Enrollment.normalizeCode("K7QM;DROP"));
    }

    @Test
    void rejectsUnknownFieldsWrongVersionAndOversizedPayloads() {
        assertThatThrownBy(() -> Enrollment.Request.fromPayload(bytes("{\"schemaVersion\":1,\"code\":\"A\",\"ip\":\"x\"}")))
                .isInstanceOf(MalformedPayloadException.class).hasMessage("unknown enrollment request field(s) [ip]");
        assertThatThrownBy(() -> Enrollment.Response.fromPayload(bytes(RESPONSE.toJson().replace("\"schemaVersion\":1",
                "\"schemaVersion\":2")))).hasMessage("unsupported enrollment response schemaVersion 2 (this build reads 1)");
        assertThatThrownBy(() -> Enrollment.Request.fromPayload(new byte[Enrollment.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> Enrollment.Response.fromPayload(bytes(RESPONSE.toJson().replace("dv-06757-07-k3m9\",\"user",
                "dv/+\",\"user")))).hasMessageStartingWith("invalid enrollment response: device id may contain only");
        assertThatThrownBy(() -> Enrollment.Refusal.fromPayload(bytes(REFUSAL.toJson().replace("EXPIRED", "LATE"))))
                .hasMessage("unknown enrollment refusal reason \"LATE\"");
    }

    @Test
    void responseNeverPrintsThePassword() {
        assertThat(RESPONSE.toString()).doesNotContain(RESPONSE.password());
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
