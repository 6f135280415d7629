package vn.dvctt.training;

import java.time.LocalDateTime;
import java.util.List;
import vn.dvctt.geo.UnitId;

/** A scheduled session as views and other features see it. */
public record SessionData(long id, long venueId, String venueName, UnitId unit, String unitName, String unitPath,
                          LocalDateTime startsAt, LocalDateTime endsAt, String topic, String audience, Long teamId,
                          List<String> facilitators, List<String> plannedGuides, int expectedAttendance,
                          SessionStatus status, String cancelReason) {

    public SessionPlan toPlan() {
        return new SessionPlan(venueId, startsAt, endsAt, topic, audience, teamId, facilitators, plannedGuides,
                expectedAttendance);
    }
}
