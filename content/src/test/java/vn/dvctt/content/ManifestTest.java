package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.MANIFEST;
import static vn.dvctt.content.Golden.ONE_CHUNK;
import static vn.dvctt.content.Golden.THREE_CHUNKS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    private static final String JSON = MANIFEST.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(MANIFEST.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(Golden.resource("/golden/manifest-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedManifest() throws IOException {
        assertThat(Manifest.fromPayload(Golden.resource("/golden/manifest-v1.json"))).isEqualTo(MANIFEST);
    }

    @Test
    void manifestWithoutEntriesRoundTrips() {
        Manifest empty = Manifest.of("a1", 1, 0, 0, DownloadWindow.ALL_DAY, List.of());

        assertThat(Manifest.fromJson(empty.toJson())).isEqualTo(empty);
        assertThat(empty.toJson()).contains("\"downloadWindow\":{\"start\":\"00:00\",\"end\":\"00:00\"},\"entries\":[]");
    }

    @Test
    void readsAnyFieldOrderAndWhitespace() {
        String json = "{ \"entries\" : [ ] ,\n\"downloadWindow\":{\"end\":\"05:00\", \"start\":\"22:00\"},"
                + "\"quotaBytes\":5,\"generatedAt\":1,\"version\":2,\"deviceId\":\"a1\",\"schemaVersion\":1 }";

        assertThat(Manifest.fromJson(json))
                .isEqualTo(Manifest.of("a1", 2, 1, 5, DownloadWindow.of("22:00", "05:00"), List.of()));
    }

    @Test
    void reportsNewerSchemaVersionRatherThanItsNewFields() {
        assertThatThrownBy(() -> Manifest.fromJson("{\"schemaVersion\":2,\"targets\":[{\"x\":1}]}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported manifest schemaVersion 2 (this build reads 1)");
    }

    @Test
    void rejectsUnknownFieldAtEveryLevel() {
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"quotaBytes\"", "\"tz\":\"UTC\",\"quotaBytes\"")))
                .hasMessage("unknown manifest field(s) [tz]");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"end\":\"05:00\"", "\"end\":\"05:00\",\"tz\":\"UTC\"")))
                .hasMessage("unknown manifest downloadWindow field(s) [tz]");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"priority\":1", "\"priority\":1,\"codec\":\"h264\"")))
                .hasMessage("unknown manifest entries[1] field(s) [codec]");
    }

    @Test
    void rejectsEntryWithAFieldMissingOrOfTheWrongType() {
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace(",\"priority\":0", "")))
                .hasMessage("manifest entries[0] field \"priority\" is missing");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"sizeBytes\":84", "\"sizeBytes\":\"84\"")))
                .hasMessage("manifest entries[1] field \"sizeBytes\" must be an integer");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"entries\":[{", "\"entries\":[7,{")))
                .hasMessage("manifest entries[0] must be an object");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"chunkHashes\":[\"b18e", "\"chunkHashes\":[1,\"b18e")))
                .hasMessage("manifest entries[0] chunkHashes[0] must be a string");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"chunkSizeBytes\":524288,\"chunkHashes\":[\"4",
                        "\"chunkSizeBytes\":5242880000,\"chunkHashes\":[\"4")))
                .hasMessage("manifest entries[1] field \"chunkSizeBytes\" is out of range: 5242880000");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"downloadWindow\":{\"start\":\"22:00\",\"end\":\"05:00\"}",
                        "\"downloadWindow\":\"22:00-05:00\"")))
                .hasMessage("manifest field \"downloadWindow\" must be an object");
        assertThatThrownBy(() -> Manifest.fromJson("{\"schemaVersion\":1,\"deviceId\":\"a1\",\"version\":1,\"generatedAt\":0,"
                        + "\"quotaBytes\":0,\"downloadWindow\":{\"start\":\"00:00\",\"end\":\"00:00\"},\"entries\":{}}"))
                .hasMessage("manifest field \"entries\" must be an array");
    }

    @Test
    void rejectsChunkCountThatDoesNotMatchSizeAndChunkSize() {
        String twoChunksOnly = JSON.replace(",\"2725aea2d2dea736fbe38e41ecb518f6098cb68ac77362c5e34faafb356567c5\"", "");

        assertThatThrownBy(() -> Manifest.fromJson(twoChunksOnly))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid manifest entries[0]: content db6969")
                .hasMessageEndingWith("has 3 chunks, but 2 hashes are listed");
    }

    @Test
    void rejectsHashesThatAreNotSixtyFourLowercaseHexDigits() {
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("b18efa847f", "B18EFA847F")))
                .hasMessageStartingWith("invalid manifest entries[0]: chunkHashes[0] must be 64 lowercase hex digits");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"contentId\":\"db6969", "\"contentId\":\"db69")))
                .hasMessageStartingWith("invalid manifest entries[0]: contentId must be 64 lowercase hex digits");
    }

    @Test
    void rejectsSingleChunkContentWhoseChunkHashIsNotTheContentId() {
        String json = JSON.replace("\"chunkHashes\":[\"400a", "\"chunkHashes\":[\"500a");

        assertThatThrownBy(() -> Manifest.fromJson(json))
                .hasMessageContaining("is one chunk, so its chunk hash must equal it");
    }

    @Test
    void rejectsContentListedTwice() {
        Manifest twice = Manifest.of("a1", 1, 0, 10_000_000, DownloadWindow.ALL_DAY, List.of(ONE_CHUNK));
        String json = twice.toJson().replace("}]}", "}," + entryJson(ONE_CHUNK) + "]}");

        assertThatThrownBy(() -> Manifest.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("invalid manifest: content " + ONE_CHUNK.contentId() + " is listed twice");
    }

    @Test
    void rejectsNegativeQuotaAndEntriesOverTheQuota() {
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"quotaBytes\":2000000000", "\"quotaBytes\":-1")))
                .hasMessage("invalid manifest: quotaBytes must be >= 0, got -1");
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"quotaBytes\":2000000000", "\"quotaBytes\":1200083")))
                .hasMessage("invalid manifest: entries total 1200084 bytes, more than the quota of 1200083");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "7:00", "07:60", "0700", "07:00:00", ""})
    void rejectsDownloadWindowThatIsNotHoursAndMinutes(String start) {
        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace("\"22:00\"", "\"" + start + "\"")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid manifest: download window start must be HH:mm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"version\":7", "generatedAt\":1717200000000"})
    void rejectsVersionBelowOneAndNegativeTime(String field) {
        String name = field.substring(0, field.indexOf('"'));

        assertThatThrownBy(() -> Manifest.fromJson(JSON.replace(field, name + "\":-7")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid manifest: " + name + " must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schemaVersion\":1,\"entries\":[}",
            "{\"schemaVersion\":1,\"entries\":[1,]}",
            "{\"schemaVersion\":1,\"entries\":[,]}",
            "{\"schemaVersion\":1,\"entries\":[[[[]]]]}",
            "{\"schemaVersion\":1,\"entries\":[{\"chunkHashes\":[[]]}]}",
            "{\"schemaVersion\":1,\"entries\":[true]}",
            "{\"schemaVersion\":1,\"entries\":[null]}",
            "{\"schemaVersion\":1,\"entries\":[1.5]}",
            "{\"schemaVersion\":1,\"entries\":[]]",
            "{\"schemaVersion\":1,\"entries\":[] ",
            "{\"schemaVersion\":1,\"entries\":[]}]"
    })
    void rejectsMalformedNestedJsonWithItsOffset(String json) {
        assertThatThrownBy(() -> Manifest.fromJson(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("malformed JSON at offset ");
    }

    @Test
    void rejectsPayloadLargerThanTheBrokerLimitBeforeParsingIt() {
        byte[] huge = new byte[Manifest.MAX_PAYLOAD_BYTES + 1];

        assertThatThrownBy(() -> Manifest.fromPayload(huge))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("manifest payload is 921601 bytes, more than the 921600 allowed");
    }

    @Test
    void refusesToEncodeAManifestDevicesWouldReject() {
        // 7,000 chunks of 4 KiB: about 470 KB of hashes per entry, two entries pass the limit
        List<ManifestEntry> entries = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            int guide = e;
            List<String> hashes = IntStream.range(0, 7_000).mapToObj(i -> Sha256.hex(Golden.bytes(guide + "/" + i))).toList();
            entries.add(new ManifestEntry(Sha256.hex(Golden.bytes("g" + e)), "g" + e, "t", 7_000L * 4096, 4096, hashes, 0));
        }
        Manifest big = Manifest.of("a1", 1, 0, Long.MAX_VALUE, DownloadWindow.ALL_DAY, entries);

        assertThatIllegalStateException().isThrownBy(big::toPayload).withMessageContaining("more than the 921600");
    }

    @Test
    void recordRefusesValuesTheWireWouldReject() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Manifest(2, "a1", 1, 0, 0, DownloadWindow.ALL_DAY, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Manifest.of("a/1", 1, 0, 0, DownloadWindow.ALL_DAY, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Manifest.of("a1", 0, 0, 0, DownloadWindow.ALL_DAY, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ManifestEntry(THREE_CHUNKS.contentId(), "g", " ",
                1, 4096, List.of(THREE_CHUNKS.contentId()), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ManifestEntry(THREE_CHUNKS.contentId(), "g", "t",
                1, 4096, List.of(THREE_CHUNKS.contentId()), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ManifestEntry(THREE_CHUNKS.contentId(), "g", "t",
                1, 1024, List.of(THREE_CHUNKS.contentId()), 0)).withMessageContaining("chunkSizeBytes must be");
        assertThatIllegalArgumentException().isThrownBy(() -> new ManifestEntry(THREE_CHUNKS.contentId(), "g", "t",
                0, 4096, List.of(), 0)).withMessageContaining("empty content");
    }

    @ParameterizedTest
    @CsvSource({
            "22:00, 05:00, 22:00, true",
            "22:00, 05:00, 23:59, true",
            "22:00, 05:00, 00:00, true",
            "22:00, 05:00, 04:59, true",
            "22:00, 05:00, 05:00, false",
            "22:00, 05:00, 12:00, false",
            "22:00, 05:00, 21:59, false",
            "01:00, 04:00, 01:00, true",
            "01:00, 04:00, 04:00, false",
            "01:00, 04:00, 23:00, false",
            "00:00, 00:00, 13:37, true"
    })
    void downloadWindowContainsItsStartButNotItsEndAndWrapsAtMidnight(String start, String end, String time, boolean inside) {
        assertThat(DownloadWindow.of(start, end).contains(LocalTime.parse(time))).isEqualTo(inside);
    }

    private static String entryJson(ManifestEntry entry) {
        String json = Manifest.of("a1", 1, 0, Long.MAX_VALUE, DownloadWindow.ALL_DAY, List.of(entry)).toJson();
        return json.substring(json.indexOf("\"entries\":[") + "\"entries\":[".length(), json.length() - 2);
    }
}
