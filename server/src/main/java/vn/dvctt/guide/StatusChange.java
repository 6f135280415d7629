package vn.dvctt.guide;

import java.time.Instant;

/** One step in a guide's pipeline; {@code from} is null for its creation. */
public record StatusChange(GuideStatus from, GuideStatus to, String changedBy, Instant changedAt, String note) {
}
