package vn.dvctt.campaign;

import java.util.Set;
import vn.dvctt.geo.UnitLevel;

/** An indicator of the library (chỉ tiêu) and the levels whose units enter it. */
public record IndicatorData(long id, String code, String name, IndicatorKind kind, Direction direction,
                            String unitLabel, ValueSource source, Set<UnitLevel> entryLevels) {
}
