package vn.dvctt.geo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.internal.AdminUnit;
import vn.dvctt.geo.internal.AdminUnits;
import vn.dvctt.geo.internal.UnitImporter;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.shared.VietnameseText;

/**
 * The administrative tree as each caller may see it: every method works inside the caller's
 * subtree and refuses anything outside it, whichever view or job calls it.
 */
@Service
public class AdminUnitService {

    public static final int MAX_SEARCH_HITS = 200;
    private static final String AUDIT_TYPE = "AdminUnit";

    private final AdminUnits units;
    private final UnitImporter importer;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    @PersistenceContext
    private EntityManager entityManager;

    AdminUnitService(AdminUnits units, UnitImporter importer, CurrentUser currentUser, AuditLog audit,
                     ApplicationEventPublisher events) {
        this.units = units;
        this.importer = importer;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    /** The top of the caller's tree: his own unit. */
    @Transactional(readOnly = true)
    public UnitData myUnit() {
        Scope scope = currentUser.scope();
        return units.findRow(scope.unitId().value()).map(AdminUnitService::toData).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<UnitData> children(UnitId parent) {
        Scope scope = currentUser.scope();
        String parentPath = units.findPathById(parent.value()).orElseThrow(() -> notFound(parent.toString()));
        requireView(scope, parentPath);
        return units.findChildren(parent.value()).stream().map(AdminUnitService::toData)
                .sorted(VietnameseText.byName(UnitData::name)).toList();
    }

    @Transactional(readOnly = true)
    public UnitData get(String code) {
        Scope scope = currentUser.scope();
        UnitData unit = units.findRowByCode(code).map(AdminUnitService::toData).orElseThrow(() -> notFound(code));
        requireView(scope, unit.path());
        return unit;
    }

    @Transactional(readOnly = true)
    public UnitData get(UnitId id) {
        Scope scope = currentUser.scope();
        UnitData unit = units.findRow(id.value()).map(AdminUnitService::toData).orElseThrow(() -> notFound(id.toString()));
        requireView(scope, unit.path());
        return unit;
    }

    /** The units from the caller's own unit down to this one, for a breadcrumb. */
    @Transactional(readOnly = true)
    public List<UnitData> lineage(UnitData unit) {
        Scope scope = currentUser.scope();
        requireView(scope, unit.path());
        List<String> all = codesOf(unit.path());
        return all.subList(codesOf(scope.unitPath()).size() - 1, all.size()).stream()
                .map(code -> units.findRowByCode(code).map(AdminUnitService::toData).orElseThrow(() -> notFound(code)))
                .toList();
    }

    /**
     * Accent-insensitive search by name or code prefix within the caller's subtree: "quang ninh"
     * finds "Quảng Ninh", "dak nong" finds "Đắk Nông". Each hit carries its ancestors' names.
     */
    @Transactional(readOnly = true)
    public List<UnitSearchHit> search(String text, int limit) {
        Scope scope = currentUser.scope();
        String folded = VietnameseText.fold(text);
        if (folded.isEmpty()) {
            return List.of();
        }
        String literal = VietnameseText.likeLiteral(folded);
        List<UnitData> found = units.search(scope.unitPath() + "%", "%" + literal + "%", literal + "%",
                        Limit.of(Math.min(limit, MAX_SEARCH_HITS))).stream()
                .map(AdminUnitService::toData).toList();
        Map<String, String> names = new HashMap<>();
        List<String> ancestorCodes = found.stream().flatMap(u -> codesOf(u.path()).stream()).distinct().toList();
        for (int from = 0; from < ancestorCodes.size(); from += 500) {
            for (Object[] row : units.findNames(ancestorCodes.subList(from, Math.min(ancestorCodes.size(), from + 500)))) {
                names.put((String) row[0], ((UnitType) row[2]).displayName((String) row[1]));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(UnitData::depth)
                        .thenComparing(VietnameseText.byName(UnitData::name)))
                .map(u -> {
                    List<String> codes = codesOf(u.path());
                    List<String> above = codes.subList(1, codes.size() - 1).stream().map(names::get).toList();
                    return new UnitSearchHit(u, above);
                }).toList();
    }

    /** For views deciding which actions to offer; the actions check again themselves. */
    @Transactional(readOnly = true)
    public boolean canEdit(UnitData unit) {
        return currentUser.scope().canEditUnit(unit.path());
    }

    @Transactional(readOnly = true)
    public boolean canAddChildTo(UnitData unit) {
        return currentUser.scope().canAddChildTo(unit.path());
    }

    @Transactional(readOnly = true)
    public boolean canImport() {
        return currentUser.scope().canImportUnits();
    }

    @Transactional
    public UnitData rename(UnitId id, String newName) {
        Scope scope = currentUser.scope();
        AdminUnit unit = units.findById(id.value()).orElseThrow(() -> notFound(id.toString()));
        requireEdit(scope, unit.getPath());
        String name = requireName(newName);
        String before = unit.getName();
        unit.rename(name);
        events.publishEvent(new UnitsChanged());
        audit.record("RENAME", AUDIT_TYPE, unit.getCode(), unit.getPath(), before, name);
        return get(unit.getCode());
    }

    @Transactional
    public UnitData addChild(UnitId parentId, String code, String name, UnitType type) {
        Scope scope = currentUser.scope();
        AdminUnit parent = units.findById(parentId.value()).orElseThrow(() -> notFound(parentId.toString()));
        String trimmedCode = code == null ? "" : code.trim();
        if (!UnitImporter.isValidCode(trimmedCode)) {
            throw new InvalidInputException("units.error.code", "Invalid unit code: " + code, code);
        }
        if (!scope.canAddChildTo(parent.getPath())) {
            throw new OutsideScopeException("You may not add units here");
        }
        if (units.findIdByCode(trimmedCode).isPresent()) {
            throw new InvalidInputException("units.error.codeTaken", "A unit with code " + trimmedCode
                    + " exists already", trimmedCode);
        }
        if (type == null || type == UnitType.QUOC_GIA) {
            throw new InvalidInputException("units.error.type", "A unit type is required");
        }
        AdminUnit child = units.save(new AdminUnit(trimmedCode, requireName(name), type, parent));
        events.publishEvent(new UnitsChanged());
        audit.record("CREATE", AUDIT_TYPE, child.getCode(), child.getPath(), null,
                type.vietnameseName() + " " + child.getName());
        return get(child.getCode());
    }

    /**
     * Imports units from CSV or XLSX (code, name, type, parent code). The whole file is checked first;
     * with any problem nothing is applied and every problem is reported with its line.
     */
    @Transactional
    public UnitImportReport importUnits(InputStream content, String fileName) {
        Scope scope = currentUser.scope();
        if (!scope.canImportUnits()) {
            throw new OutsideScopeException("Only administrators import units");
        }
        TabularFile file;
        try {
            file = TabularFile.read(content, fileName);
        } catch (IOException e) {
            return UnitImportReport.refused(0, List.of(new ImportProblem(0, "", ImportProblem.Kind.UNREADABLE_FILE,
                    e.getMessage())));
        }
        UnitImporter.Plan plan = importer.plan(file, scope::canEditUnit, scope.unitPath());
        if (!plan.problems().isEmpty()) {
            return UnitImportReport.refused(plan.lines(), plan.problems());
        }
        // The import writes with JDBC: flush pending entity changes first, and forget the managed
        // entities after, so that nothing later in this transaction reads a unit as it was before.
        entityManager.flush();
        importer.apply(plan);
        entityManager.clear();
        events.publishEvent(new UnitsChanged());
        Map<UnitId, String> moved = new HashMap<>();
        plan.updates().forEach(c -> moved.put(new UnitId(c.id()), c.path()));
        if (!moved.isEmpty()) {
            events.publishEvent(new UnitsRepathed(moved));
        }
        for (UnitImporter.Change change : plan.updates()) {
            audit.record("UPDATE", AUDIT_TYPE, change.code(), change.path(), change.before(), change.after());
        }
        audit.record("IMPORT", AUDIT_TYPE, fileName == null ? "" : fileName, scope.unitPath(), null,
                "lines=" + plan.lines() + ", created=" + plan.creates().size() + ", updated=" + plan.updates().size()
                        + ", unchanged=" + plan.unchanged());
        return new UnitImportReport(plan.lines(), plan.creates().size(), plan.updates().size(), plan.unchanged(),
                List.of());
    }

    /** How many units of each level lie in the caller's subtree (his own unit included). */
    @Transactional(readOnly = true)
    public Map<UnitLevel, Long> countByLevel() {
        Scope scope = currentUser.scope();
        Map<UnitLevel, Long> counts = new EnumMap<>(UnitLevel.class);
        for (Object[] row : units.countByTypeWithin(scope.unitPath() + "%")) {
            counts.merge(((UnitType) row[0]).level(), (Long) row[1], Long::sum);
        }
        return counts;
    }

    private static UnitData toData(AdminUnits.Row row) {
        AdminUnit u = row.getUnit();
        return new UnitData(new UnitId(u.getId()), u.getCode(), u.getName(), u.getType(),
                u.getParentId() == null ? null : new UnitId(u.getParentId()), u.getPath(), u.getDepth(),
                row.getHasChildren());
    }

    private static List<String> codesOf(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > UnitImporter.MAX_NAME) {
            throw new InvalidInputException("units.error.name",
                    "A name of 1 to " + UnitImporter.MAX_NAME + " characters is required");
        }
        return trimmed;
    }

    private static void requireView(Scope scope, String path) {
        if (!scope.canView(path)) {
            throw new OutsideScopeException("Unit outside your area");
        }
    }

    private static void requireEdit(Scope scope, String path) {
        if (!scope.canEditUnit(path)) {
            throw new OutsideScopeException("You may not change this unit");
        }
    }

    private static UnitNotFoundException notFound(String what) {
        return new UnitNotFoundException(what);
    }
}
