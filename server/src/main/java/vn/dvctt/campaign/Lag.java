package vn.dvctt.campaign;

import java.math.BigDecimal;
import vn.dvctt.geo.UnitLabel;

/**
 * A unit behind its target: {@code gap} is how far, in the indicator's own unit (percentage points
 * for ratios), always positive; null when the unit has reported nothing although a target applies.
 */
public record Lag(UnitLabel unit, Progress progress, BigDecimal gap) {

    public boolean unreported() {
        return gap == null;
    }
}
