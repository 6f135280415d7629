package vn.dvctt.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/**
 * A unit's reading of one campaign indicator as of a period date. Ratios give numerator and
 * denominator; counts give the amount; coverage gives 1 (yes) or 0 (no) as the amount.
 */
public record ValueEntry(long campaignIndicatorId, UnitId unit, LocalDate period, BigDecimal numerator,
                         BigDecimal denominator, BigDecimal amount, String comment) {

    public static ValueEntry ratio(long campaignIndicatorId, UnitId unit, LocalDate period, long numerator,
                                   long denominator, String comment) {
        return new ValueEntry(campaignIndicatorId, unit, period, BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), null, comment);
    }

    public static ValueEntry amount(long campaignIndicatorId, UnitId unit, LocalDate period, long amount,
                                    String comment) {
        return new ValueEntry(campaignIndicatorId, unit, period, null, null, BigDecimal.valueOf(amount), comment);
    }
}
