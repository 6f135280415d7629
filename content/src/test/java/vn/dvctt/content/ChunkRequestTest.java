package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.CHUNK_REQUEST;
import static vn.dvctt.content.Golden.SLICE_REQUEST;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkRequestTest {

    private static final String JSON = CHUNK_REQUEST.toJson();
    private static final String SLICE_JSON = SLICE_REQUEST.toJson();

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
    void sliceEncodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(SLICE_REQUEST.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v2")
                .isEqualTo(new String(Golden.resource("/golden/chunk-request-v2.json"), StandardCharsets.UTF_8));
    }

    @Test
    void sliceGoldenFileDecodesToTheFixedRequest() throws IOException {
        ChunkRequest decoded = ChunkRequest.fromPayload(Golden.resource("/golden/chunk-request-v2.json"));

        assertThat(decoded).isEqualTo(SLICE_REQUEST);
        assertThat(decoded.wholeChunk()).isFalse();
        assertThat(decoded.offset()).isEqualTo(131_072);
        assertThat(decoded.length()).isEqualTo(20_352);
    }

    @Test
    void aVersion1RequestIsTheWholeChunkWithoutARange() throws IOException {
        ChunkRequest decoded = ChunkRequest.fromPayload(Golden.resource("/golden/chunk-request-v1.json"));

        assertThat(decoded.schemaVersion()).isEqualTo(1);
        assertThat(decoded.wholeChunk()).isTrue();
        assertThat(decoded.offset()).isZero();
        assertThat(decoded.length()).isZero();
        assertThat(decoded.toJson()).doesNotContain("offset").doesNotContain("length");
    }

    @Test
    void sliceRoundTripsAtTheEdgesOfTheLargestChunk() {
        String id = Sha256.hex(new byte[0]);
        ChunkRequest whole = ChunkRequest.slice("a1", "r-1", id, Integer.MAX_VALUE, 0, Chunking.MAX_CHUNK_SIZE_BYTES);
        ChunkRequest lastByte = ChunkRequest.slice("a1", "r-2", id, 0, Chunking.MAX_CHUNK_SIZE_BYTES - 1, 1);

        assertThat(ChunkRequest.fromPayload(whole.toPayload())).isEqualTo(whole);
        assertThat(ChunkRequest.fromPayload(lastByte.toPayload())).isEqualTo(lastByte);
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace("\"schemaVersion\":2", "\"schemaVersion\":3")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported chunk request schemaVersion 3 (this build reads 1 to 2)");
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("\"schemaVersion\":1", "\"schemaVersion\":0")))
                .hasMessage("unsupported chunk request schemaVersion 0 (this build reads 1 to 2)");
    }

    @Test
    void eachVersionHasExactlyItsOwnFields() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(JSON.replace("}", ",\"offset\":0,\"length\":10}")))
                .as("a range is not part of version 1")
                .hasMessage("unknown chunk request field(s) [length, offset]");
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace(",\"length\":20352", "")))
                .hasMessage("chunk request field \"length\" is missing");
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace(",\"offset\":131072", "")))
                .hasMessage("chunk request field \"offset\" is missing");
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace("}", ",\"count\":4}")))
                .hasMessage("unknown chunk request field(s) [count]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"offset\":-1,\"length\":20352", "\"offset\":131072,\"length\":0",
            "\"offset\":131072,\"length\":-5", "\"offset\":0,\"length\":983041",
            "\"offset\":983040,\"length\":1", "\"offset\":900000,\"length\":83041",
            "\"offset\":2147483647,\"length\":2147483647", "\"offset\":131072,\"length\":4294967296",
            "\"offset\":\"0\",\"length\":20352", "\"offset\":131072,\"length\":[1]"})
    void rejectsARangeNoChunkCouldHold(String range) {
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace("\"offset\":131072,\"length\":20352", range)))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void namesWhatIsWrongWithARange() {
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace("\"offset\":131072", "\"offset\":983000")))
                .hasMessage("invalid chunk request: offset + length must be at most 983040, got 1003352");
        assertThatThrownBy(() -> ChunkRequest.fromJson(SLICE_JSON.replace("\"length\":20352", "\"length\":0")))
                .hasMessage("invalid chunk request: length must be 1..983040, got 0");
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
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.slice("a1", "r", id, 0, -1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.slice("a1", "r", id, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRequest.slice("a1", "r", id, 0, 1,
                Chunking.MAX_CHUNK_SIZE_BYTES));
        assertThatIllegalArgumentException().as("a version 1 request with a range")
                .isThrownBy(() -> new ChunkRequest(1, "a1", "r", id, 0, 0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new ChunkRequest(3, "a1", "r", id, 0, 0, 10));
    }
}
