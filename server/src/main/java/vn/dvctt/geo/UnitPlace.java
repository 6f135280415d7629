package vn.dvctt.geo;

/** Where a unit sits: what other features need to roll figures up the tree and pick its level's target. */
public record UnitPlace(UnitId id, String code, String path, UnitLevel level) {
}
