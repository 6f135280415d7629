package vn.dvctt.training;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/**
 * A session's effective participant count, published each time its results are (re)recorded.
 * Consumers must replace the figure they hold for {@code sessionId}, never add to it.
 */
public record ParticipantsCounted(long sessionId, UnitId unit, String unitPath, LocalDate date, int participants) {
}
