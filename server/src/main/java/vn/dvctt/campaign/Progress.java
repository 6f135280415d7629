package vn.dvctt.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/**
 * One indicator for one unit (with everything below it) as of a date: the summed numerator and
 * denominator, the resulting value (a percentage for ratios and coverage), and the target that applies.
 */
public record Progress(long campaignIndicatorId, UnitId unit, LocalDate asOf, BigDecimal numerator,
                       BigDecimal denominator, BigDecimal value, int reportingUnits, BigDecimal target,
                       TrafficLight light) {
}
