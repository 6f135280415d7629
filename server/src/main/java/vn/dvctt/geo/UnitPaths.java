package vn.dvctt.geo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.internal.AdminUnits;

/**
 * The one thing the security feature needs from this one: where a unit sits in the tree. Kept
 * apart from {@link AdminUnitService} so that scope checks do not depend on the service they guard.
 */
@Component
public class UnitPaths {

    private final AdminUnits units;

    UnitPaths(AdminUnits units) {
        this.units = units;
    }

    @Transactional(readOnly = true)
    public Optional<String> pathOf(UnitId id) {
        return units.findPathById(id.value());
    }

    /** The tier a unit sits on; targets are set per level. */
    @Transactional(readOnly = true)
    public Optional<UnitLevel> levelOf(UnitId id) {
        return units.findTypeById(id.value()).map(UnitType::level);
    }

    @Transactional(readOnly = true)
    public Optional<UnitId> idOfCode(String code) {
        return units.findIdByCode(code).map(UnitId::new);
    }

    /** Paths of every unit of a level under {@code scopePath} (inclusive), e.g. all villages of a province. */
    @Transactional(readOnly = true)
    public List<String> pathsAtLevel(String scopePath, UnitLevel level) {
        List<UnitType> types = java.util.Arrays.stream(UnitType.values()).filter(t -> t.level() == level).toList();
        return units.findPathsOfTypes(vn.dvctt.shared.VietnameseText.likeLiteral(scopePath) + "%", types);
    }

    /** Labels of every unit of a level under {@code scopePath} (inclusive), by path, in one query. */
    @Transactional(readOnly = true)
    public Map<String, UnitLabel> labelsAtLevel(String scopePath, UnitLevel level) {
        List<UnitType> types = java.util.Arrays.stream(UnitType.values()).filter(t -> t.level() == level).toList();
        Map<String, UnitLabel> labels = new HashMap<>();
        for (Object[] row : units.findLabelsOfTypes(vn.dvctt.shared.VietnameseText.likeLiteral(scopePath) + "%", types)) {
            UnitId id = new UnitId((Long) row[0]);
            labels.put((String) row[4], new UnitLabel(id, (String) row[1], ((UnitType) row[3]).displayName((String) row[2])));
        }
        return labels;
    }

    /** Places of the units with the given codes, 500 codes a query; unknown codes are left out. */
    @Transactional(readOnly = true)
    public Map<String, UnitPlace> placesOfCodes(Collection<String> codes) {
        Map<String, UnitPlace> places = new HashMap<>();
        List<String> values = codes.stream().distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            for (Object[] row : units.findPlaces(values.subList(from, Math.min(values.size(), from + 500)))) {
                places.put((String) row[1], new UnitPlace(new UnitId((Long) row[0]), (String) row[1], (String) row[2],
                        ((UnitType) row[3]).level()));
            }
        }
        return places;
    }

    /** Labels of the given units, in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<UnitId, UnitLabel> labels(Collection<UnitId> ids) {
        Map<UnitId, UnitLabel> labels = new HashMap<>();
        List<Long> values = ids.stream().map(UnitId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            for (Object[] row : units.findLabels(values.subList(from, Math.min(values.size(), from + 500)))) {
                UnitId id = new UnitId((Long) row[0]);
                labels.put(id, new UnitLabel(id, (String) row[1], ((UnitType) row[3]).displayName((String) row[2])));
            }
        }
        return labels;
    }
}
