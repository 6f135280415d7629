package vn.dvctt.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.training.AssistedSubmission;

class SubmissionLinesTest {

    @Test
    void readsCodeCountAndDossierCodesSeparatedByCommasSemicolonsOrSpaces() {
        assertThat(SubmissionLines.parse("1.001193, 3, H22.43-241029-0015 H22.43-241029-0016\n\n1.004222;1"))
                .containsExactly(new AssistedSubmission("1.001193", 3, List.of("H22.43-241029-0015",
                        "H22.43-241029-0016")), new AssistedSubmission("1.004222", 1, List.of()));
    }

    @Test
    void aLineWithoutACountIsRefusedQuotingTheLine() {
        assertThatThrownBy(() -> SubmissionLines.parse("1.001193, ba hồ sơ"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.error.submissionLine");
                    assertThat(e.args()).containsExactly("1.001193, ba hồ sơ");
                });
    }

    @Test
    void formattingAndParsingGiveBackTheSameSubmissions() {
        List<AssistedSubmission> given = List.of(new AssistedSubmission("1.001193", 2, List.of("H22.43-241029-0015")),
                new AssistedSubmission("2.000908", 4, List.of()));
        assertThat(SubmissionLines.parse(SubmissionLines.format(given))).isEqualTo(given);
    }
}
