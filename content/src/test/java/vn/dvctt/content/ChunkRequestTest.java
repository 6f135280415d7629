package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.CHUNK_REQUEST;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkRequestTest {

    private static final String JSON = CHUNK_REQUEST.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(CHUNK_REQUEST.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(Golden.resource("/golden/chunk-request-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedRequest() throws IOException {
        assertThat(ChunkRequest.fromPayload(Golden.resource("/golden/chunk-request-v1.json"))).isEqualTo(CHUNK_REQUEST);
    }

    @Test
    void requestRoundTrips() {
        ChunkRequest request = ChunkRequest.of("a1", "r-1", Sha256.hex(new byte[0]), Integer.MAX_VALUE);

        assertThat(ChunkRequest.fromPayload(request.toPayload())).isEqualTo(request);
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported chunk request schemaVersion 2 (this build reads 1)");
    }

    @Test
    void rejectsUnknownOrMissingField() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("}", ",\"count\":4}")))
                .hasMessage("unknown chunk request field(s) [count]");
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace(",\"index\":2", "")))
                .hasMessage("chunk request field \"index\" is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"index\":-1", "\"index\":2147483648", "\"index\":\"2\"", "\"index\":[2]"})
    void rejectsIndexThatIsNotANonNegativeInt(String index) {
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("\"index\":2", index)))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void rejectsRequestIdWithCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("5f0c2d4e-", "5f0c 2d4e-")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid chunk request: requestId must be");
    }

    @Test
    void rejectsOversizedPayloadBeforeParsingIt() {
        assertThatThrownBy(() -> ChunkRequest.fromPayload(new byte[ChunkRequest.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("chunk request payload is 1025 bytes, more than the 1024 allowed");
    }

    @Test
    void recordRefusesValuesTheWireWouldReject() {
        String id = CHUNK_REQUEST.contentId();
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.of("a1", "", id, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.of("a1", "r", id.toUpperCase(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.of("a1", "r", id, -1));
    }
}
