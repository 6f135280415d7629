package vn.dvctt.training.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.training.AssistedSubmission;

/**
 * Assisted submissions as a team member types them, one procedure a line:
 * {@code 1.001193, 3, H22.43-241029-0015 H22.43-241029-0016}. The service checks codes and counts.
 */
final class SubmissionLines {

    static List<AssistedSubmission> parse(String text) {
        List<AssistedSubmission> submissions = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            List<String> parts = Arrays.stream(trimmed.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
            if (parts.size() < 2) {
                throw new InvalidInputException("training.error.submissionLine", "Malformed line: " + trimmed, trimmed);
            }
            int count;
            try {
                count = Integer.parseInt(parts.get(1));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("training.error.submissionLine", "Malformed line: " + trimmed, trimmed);
            }
            submissions.add(new AssistedSubmission(parts.get(0), count, parts.subList(2, parts.size())));
        }
        return submissions;
    }

    static String format(List<AssistedSubmission> submissions) {
        return submissions.stream().map(s -> s.procedureCode() + ", " + s.count()
                        + (s.dossierCodes().isEmpty() ? "" : ", " + String.join(" ", s.dossierCodes())))
                .collect(Collectors.joining("\n"));
    }

    static List<String> lines(String text) {
        return Arrays.stream((text == null ? "" : text).split("\\R")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private SubmissionLines() {
    }
}
