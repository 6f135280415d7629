package vn.dvctt.training;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as it is scheduled. Times are local wall-clock times. {@code teamId} is optional;
 * {@code plannedGuides} are procedure codes or guide titles until the guide library exists.
 */
public record SessionPlan(long venueId, LocalDateTime startsAt, LocalDateTime endsAt, String topic, String audience,
                          Long teamId, List<String> facilitators, List<String> plannedGuides,
                          int expectedAttendance) {
}
