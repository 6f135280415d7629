package vn.dvctt.geo;

/**
 * Published inside the transaction that added, renamed or imported units, for features that keep a
 * short-lived copy of unit lists (the campaign dashboard's "who lags") and drop it on this.
 */
public record UnitsChanged() {
}
