package vn.dvctt.geo;

/** A unit as the rest of the application sees it. {@code path} is the materialized path of codes. */
public record UnitData(UnitId id, String code, String name, UnitType type, UnitId parentId, String path,
                       int depth, boolean hasChildren) {

    public UnitLevel level() {
        return type.level();
    }

    /** "Xã Hoành Mô" — the type is part of how Vietnamese name a unit. */
    public String displayName() {
        return type.displayName(name);
    }
}
