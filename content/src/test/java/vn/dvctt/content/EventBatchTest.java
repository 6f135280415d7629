package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.EVENT_BATCH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchTest {

    private static final String JSON = EVENT_BATCH.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(EVENT_BATCH.toPayload(), StandardCharsets.UTF_8))
                .as("wire contract changed: bump SCHEMA_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(new String(Golden.resource("/golden/event-batch-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedBatchWithEveryEventType() throws IOException {
        EventBatch decoded = EventBatch.fromPayload(Golden.resource("/golden/event-batch-v1.json"));

        assertThat(decoded).isEqualTo(EVENT_BATCH);
        assertThat(decoded.events()).extracting(e -> e.body().type()).containsExactly("SESSION_STARTED",
                "ATTENDANCE", "ATTENDANCE", "SUBMISSION", "SUBMISSION_WITHDRAWN", "GUIDE_PLAYED", "SESSION_ENDED");
    }

    @Test
    void unscheduledSessionCarriesItsTopicInstead() {
        AgentEvent started = AgentEvent.create(1, 5, Golden.SESSION, "m-1",
                new AgentEvent.SessionStarted(null, "Buổi hỗ trợ tại chợ phiên"));

        assertThat(AgentEvent.fromJson(started.toJson())).isEqualTo(started);
        assertThat(started.toJson()).contains("\"topic\":\"Buổi hỗ trợ tại chợ phiên\"").doesNotContain("scheduledSession");
    }

    @Test
    void rejectsAnUnknownEventTypeAndFieldsOfAnotherType() {
        assertThatThrownBy(() -> EventBatch.fromJson(JSON.replace("\"SESSION_ENDED\"", "\"SESSION_PAUSED\"")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("unknown event batch events[6] type \"SESSION_PAUSED\"");
        assertThatThrownBy(() -> EventBatch.fromJson(JSON.replace("\"delta\":-1", "\"delta\":-1,\"notes\":\"x\"")))
                .hasMessage("unknown event batch events[2] field(s) [notes]");
    }

    @Test
    void rejectsACountOtherThanOneUpOrDownAndAnUppercaseId() {
        assertThatThrownBy(() -> EventBatch.fromJson(JSON.replace("\"delta\":-1", "\"delta\":-50")))
                .hasMessage("invalid event batch events[2]: delta must be 1 or -1, got -50");
        assertThatThrownBy(() -> EventBatch.fromJson(JSON.replace("1f0e2d3c-4b5a", "1F0E2D3C-4b5a")))
                .hasMessageStartingWith("invalid event batch events[0]: id must be a lowercase UUID");
    }

    @Test
    void rejectsTheSameEventTwiceInABatchAndAnEmptyOrOversizedBatch() {
        AgentEvent one = EVENT_BATCH.events().get(1);
        assertThatThrownBy(() -> EventBatch.of(Golden.DEVICE, List.of(one, one))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> EventBatch.of(Golden.DEVICE, List.of())).hasMessage("a batch holds 1..500 events, got 0");
        assertThatThrownBy(() -> EventBatch.of(Golden.DEVICE, Collections.nCopies(501, one)))
                .hasMessage("a batch holds 1..500 events, got 501");
    }

    @Test
    void rejectsAPayloadOverTheLimitBeforeParsingIt() {
        byte[] huge = new byte[EventBatch.MAX_PAYLOAD_BYTES + 1];

        assertThatThrownBy(() -> EventBatch.fromPayload(huge))
                .hasMessage("event batch payload is 262145 bytes, more than the 262144 allowed");
    }

    @Test
    void aFullBatchOfTheLongestEventsFitsThePayloadLimit() {
        String longest = "x".repeat(AgentEvent.MAX_CODE);
        List<AgentEvent> events = java.util.stream.IntStream.rangeClosed(1, EventBatch.MAX_EVENTS)
                .mapToObj(i -> AgentEvent.create(i, 1_717_233_000_000L, Golden.SESSION, longest,
                        new AgentEvent.SubmissionRecorded(longest, longest)))
                .toList();

        assertThat(EventBatch.of(Golden.DEVICE, events).toPayload().length).isLessThan(EventBatch.MAX_PAYLOAD_BYTES);
    }
}
