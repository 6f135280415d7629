package vn.dvctt.geo;

/** How other features show a unit they refer to: "Xã Hoành Mô" (06757). */
public record UnitLabel(UnitId id, String code, String displayName) {
}
