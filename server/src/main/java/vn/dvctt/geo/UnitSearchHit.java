package vn.dvctt.geo;

import java.util.List;

/** A search result with the names of the units above it, for telling apart communes of the same name. */
public record UnitSearchHit(UnitData unit, List<String> ancestors) {
}
