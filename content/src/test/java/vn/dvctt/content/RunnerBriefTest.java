package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.RUNNER_BRIEF;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerBriefTest {

    private static final String JSON = RUNNER_BRIEF.toJson();

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(new String(RUNNER_BRIEF.toPayload(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Golden.resource("/golden/runner-brief-v1.json"), StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileDecodesToTheFixedBrief() throws IOException {
        RunnerBrief brief = RunnerBrief.fromPayload(Golden.resource("/golden/runner-brief-v1.json"));

        assertThat(brief).isEqualTo(RUNNER_BRIEF);
        assertThat(brief.procedures()).extracting(RunnerBrief.Procedure::essential).containsExactly(true, false);
    }

    @Test
    void theSyncedPinHashChecksTheMembersPinOffline() {
        String hash = RUNNER_BRIEF.members().get(0).pinHash();

        assertThat(PinHash.matches(hash, "2468")).isTrue();
        assertThat(PinHash.matches(hash, "2469")).isFalse();
    }

    @Test
    void rejectsAMalformedPinHashAndASessionEndingBeforeItStarts() {
        assertThatThrownBy(() -> RunnerBrief.fromJson(JSON.replace("pbkdf2-sha256$100000", "md5$1")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("invalid runner brief: PIN hash must be");
        assertThatThrownBy(() -> RunnerBrief.fromJson(JSON.replace("\"endsAt\":\"2024-06-01T21:00\"",
                "\"endsAt\":\"2024-06-01T18:00\"")))
                .hasMessage("invalid runner brief: session 42 ends before it starts");
        assertThatThrownBy(() -> RunnerBrief.fromJson(JSON.replace("2024-06-01T19:30", "tối thứ Bảy")))
                .hasMessage("runner brief sessions[0] startsAt \"tối thứ Bảy\" is not a local date-time");
    }

    @Test
    void refusesToEncodeABriefNoDeviceWouldAccept() {
        List<RunnerBrief.Procedure> many = java.util.stream.IntStream.range(0, 4000)
                .mapToObj(i -> new RunnerBrief.Procedure("1." + i, "Thủ tục ".repeat(40), false)).toList();
        RunnerBrief huge = RunnerBrief.of(Golden.DEVICE, 1, RUNNER_BRIEF.venue(), List.of(), many, List.of());

        assertThatThrownBy(huge::toPayload).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a device accepts");
    }
}
