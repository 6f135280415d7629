package vn.dvctt.training;

import java.time.LocalDate;
import java.util.Map;
import vn.dvctt.geo.UnitId;

/**
 * A session's effective assisted submissions per procedure code, published each time its results
 * are (re)recorded. Consumers must replace what they hold for {@code sessionId}, never add to it.
 */
public record AssistedSubmissionsCounted(long sessionId, UnitId unit, String unitPath, LocalDate date,
                                         Map<String, Integer> byProcedure) {

    public AssistedSubmissionsCounted {
        byProcedure = Map.copyOf(byProcedure);
    }
}
