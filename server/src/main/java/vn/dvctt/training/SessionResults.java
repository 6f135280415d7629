package vn.dvctt.training;

import java.util.List;

/**
 * A session's figures. Breakdowns by gender and age band are null where not known; known ones
 * never add up to more than {@code participants}.
 */
public record SessionResults(int participants, Integer women, Integer men, Integer ageUnder18, Integer age18To35,
                             Integer age36To59, Integer age60Plus, List<AssistedSubmission> submissions,
                             List<String> guidesPlayed, String notes) {

    public SessionResults {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        guidesPlayed = guidesPlayed == null ? List.of() : List.copyOf(guidesPlayed);
        notes = notes == null ? "" : notes;
    }

    /** Only the head count, for tests and simple forms. */
    public static SessionResults participants(int participants, List<AssistedSubmission> submissions) {
        return new SessionResults(participants, null, null, null, null, null, null, submissions, List.of(), "");
    }

    public int assistedSubmissions() {
        return submissions.stream().mapToInt(AssistedSubmission::count).sum();
    }
}
