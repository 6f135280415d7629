package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.EVENT_ACK;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventAckTest {

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(EVENT_ACK.toPayload(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Golden.resource("/golden/event-ack-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedAck() throws IOException {
        assertThat(EventAck.fromPayload(Golden.resource("/golden/event-ack-v1.json"))).isEqualTo(EVENT_ACK);
    }

    @Test
    void rejectsAStoredIdThatIsNoUuid() {
        assertThatThrownBy(() -> EventAck.fromJson(EVENT_ACK.toJson().replace("1f0e2d3c-4b5a-4697-8877-665544332211",
                "all")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("invalid event ack: stored event must be a UUID, got \"all\"");
    }
}
