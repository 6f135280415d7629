package vn.dvctt.geo;

import java.util.Map;

/**
 * Published inside the transaction that moved units: each unit's new materialized path. Features
 * that keep a unit's path for scope filtering update their copy on it.
 */
public record UnitsRepathed(Map<UnitId, String> newPaths) {
}
