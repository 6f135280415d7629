package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.INVENTORY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final String JSON = INVENTORY.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(INVENTORY.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(Golden.resource("/golden/inventory-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedInventory() throws IOException {
        assertThat(Inventory.fromPayload(Golden.resource("/golden/inventory-v1.json"))).isEqualTo(INVENTORY);
    }

    @Test
    void inventoryOfADeviceWithoutManifestRoundTrips() {
        Inventory nothing = Inventory.of("a1", 0, 0, List.of());

        assertThat(Inventory.fromPayload(nothing.toPayload())).isEqualTo(nothing);
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        assertThatThrownBy(() -> Inventory.fromJson(JSON.replace("\"schemaVersion\":1", "\"schemaVersion\":3")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unsupported inventory schemaVersion 3 (this build reads 1)");
    }

    @Test
    void rejectsUnknownStateAndUnknownItemField() {
        assertThatThrownBy(() -> Inventory.fromJson(JSON.replace("PARTIAL", "partial")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unknown inventory items[0] state \"partial\"");
        assertThatThrownBy(() -> Inventory.fromJson(JSON.replace("\"state\":\"COMPLETE\"", "\"state\":\"COMPLETE\",\"path\":\"/x\"")))
                .hasMessage("unknown inventory items[1] field(s) [path]");
    }

    @Test
    void rejectsNegativeBytesAndContentListedTwice() {
        assertThatThrownBy(() -> Inventory.fromJson(JSON.replace("\"bytesHeld\":84", "\"bytesHeld\":-84")))
                .hasMessage("invalid inventory items[1]: bytesHeld must be >= 0, got -84");
        String twice = JSON.replace("400a324fa405222aa9da58deff0447b6d0370e7537d542b9449df4ab8013ddaf",
                "db696929327413d7f724be38ce9637f01d7abcd73cd4dc5aa4f8a2bc9449c8f2");
        assertThatThrownBy(() -> Inventory.fromJson(twice)).hasMessageEndingWith("is listed twice");
    }

    @Test
    void rejectsOversizedPayloadBeforeParsingIt() {
        assertThatThrownBy(() -> Inventory.fromPayload(new byte[Inventory.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("more than the 262144 allowed");
    }
}
