package vn.dvctt.training;

import java.time.Instant;

/** Results as one source recorded them. */
public record RecordedResults(ResultSource source, SessionResults results, Instant recordedAt, String recordedBy) {
}
