package vn.dvctt.campaign;

import vn.dvctt.geo.UnitLabel;

/** A unit's progress on one indicator, for rankings and the "who lags" list. */
public record UnitProgress(UnitLabel unit, Progress progress) {
}
