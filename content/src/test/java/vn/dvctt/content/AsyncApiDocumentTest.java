package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code asyncapi/dvctt-device-link.yaml} and {@link Channel} from drifting apart. Plain line
 * matching on purpose: the document's layout (two-space indents, one channel per block) is part of
 * what this test pins, and the module stays free of a YAML library.
 */
class AsyncApiDocumentTest {

    private static final List<String> LINES = document().lines().toList();

    @ParameterizedTest
    @EnumSource(Channel.class)
    void documentDescribesEveryChannelWithItsDirectionQosAndRetainedFlag(Channel channel) {
        int address = LINES.indexOf(addressLine(channel));

        assertThat(address).as("channel %s with address %s is missing from the AsyncAPI document", channel,
                Topics.DEVICE_PREFIX + "{deviceId}/" + channel.wireName()).isPositive();
        assertThat(LINES.subList(address + 1, address + 5)).containsExactly(
                "    x-dvctt-channel: " + channel.name(),
                "    x-dvctt-direction: " + channel.direction().name(),
                "    x-dvctt-qos: " + channel.qos(),
                "    x-dvctt-retained: " + channel.retained());
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void operationOfEveryChannelHasTheAgentsActionAndTheChannelsMqttBinding(Channel channel) {
        String key = LINES.get(LINES.indexOf(addressLine(channel)) - 1).trim().replace(":", "");
        int ref = LINES.indexOf("      $ref: '#/channels/" + key + "'");

        assertThat(ref).as("no operation for channel %s", key).isPositive();
        String action = channel.direction() == Channel.Direction.DEVICE_TO_SERVER ? "send" : "receive";
        assertThat(LINES.get(ref - 2)).isEqualTo("    action: " + action);
        assertThat(LINES.subList(ref + 1, ref + 5)).containsExactly(
                "    bindings:", "      mqtt:", "        qos: " + channel.qos(), "        retain: " + channel.retained());
    }

    @Test
    void documentHasNoChannelTheCodeDoesNotKnow() {
        long addresses = LINES.stream().filter(l -> l.trim().startsWith("address:")).count();

        assertThat(addresses).isEqualTo(Channel.values().length);
    }

    @Test
    void documentStatesTheChunkExpiryTheCodeUses() {
        assertThat(LINES).contains("        messageExpiryInterval: " + Channel.CHUNK_MESSAGE_EXPIRY_SECONDS);
    }

    @Test
    void documentStatesBothFrameHeadersAndTheLargestFrameTheCodeAccepts() {
        assertThat(LINES).contains("        minLength: " + Chunk.HEADER_BYTES, "        maxLength: " + Chunk.MAX_FRAME_BYTES,
                "          offset " + Chunk.HEADER_BYTES + "  n bytes  the chunk bytes; the frame ends exactly here",
                "          offset " + Chunk.SLICE_HEADER_BYTES + "  n bytes  the slice's bytes; the frame ends exactly here");
    }

    @Test
    void documentDescribesBothChunkRequestVersions() {
        assertThat(LINES).contains("        - $ref: '#/components/schemas/ChunkRequestV1'",
                "        - $ref: '#/components/schemas/ChunkRequestV2'",
                "        schemaVersion: { type: integer, const: " + ChunkRequest.WHOLE_CHUNK_SCHEMA_VERSION + " }",
                "        schemaVersion: { type: integer, const: " + ChunkRequest.SCHEMA_VERSION + " }");
    }

    private static String addressLine(Channel channel) {
        return "    address: '" + Topics.DEVICE_PREFIX + "{deviceId}/" + channel.wireName() + "'";
    }

    private static String document() {
        try (var in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/dvctt-device-link.yaml")) {
            assertThat(in).as("asyncapi/dvctt-device-link.yaml on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
