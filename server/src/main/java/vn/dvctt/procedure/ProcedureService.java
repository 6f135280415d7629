package vn.dvctt.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.procedure.ProcedureImportReport.Kind;
import vn.dvctt.procedure.ProcedureImportReport.Problem;
import vn.dvctt.procedure.internal.ProcedureItem;
import vn.dvctt.procedure.internal.ProcedureItems;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.shared.VietnameseText;

/**
 * The national catalogue of administrative procedures (thủ tục hành chính): every signed-in user
 * reads it, administrators import it from the CSV/XLSX lists provinces already keep.
 */
@Service
public class ProcedureService {

    public static final int MAX_HITS = 200;
    /** National codes look like "1.001193"; local lists add letters and dashes. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,39}");
    private static final String AUDIT_TYPE = "Procedure";

    private final ProcedureItems items;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ProcedureService(ProcedureItems items, CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events) {
        this.items = items;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    /** Accent-insensitive search on code and name; an empty text lists the catalogue. */
    @Transactional(readOnly = true)
    public List<ProcedureData> search(String text, boolean essentialOnly, int limit) {
        currentUser.scope();
        String term = "%" + VietnameseText.likeLiteral(VietnameseText.fold(text)) + "%";
        return items.search(term, essentialOnly, Limit.of(Math.min(limit, MAX_HITS))).stream()
                .map(ProcedureItem::toData).toList();
    }

    /** The catalogue, essential procedures first then by code, at most {@code max}: what a venue's runner offers. */
    @Transactional(readOnly = true)
    public List<ProcedureData> catalogue(int max) {
        currentUser.scope();
        return items.findAll(org.springframework.data.domain.PageRequest.of(0, Math.max(1, max),
                        org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("essential"),
                                org.springframework.data.domain.Sort.Order.asc("code"))))
                .stream().map(ProcedureItem::toData).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProcedureData> find(String code) {
        currentUser.scope();
        return items.findByCode(code).map(ProcedureItem::toData);
    }

    @Transactional(readOnly = true)
    public boolean canImport() {
        return currentUser.scope().canManageCatalogues();
    }

    /**
     * Imports procedures (code, name, field, essential, online level). Re-importing changes nothing;
     * a file with any bad line changes nothing either, and every bad line is reported.
     */
    @Transactional
    public ProcedureImportReport importFile(InputStream content, String fileName) {
        Scope scope = currentUser.scope();
        if (!scope.canManageCatalogues()) {
            throw new OutsideScopeException("Only administrators import procedures");
        }
        TabularFile file;
        try {
            file = TabularFile.read(content, fileName);
        } catch (IOException e) {
            return refused(0, List.of(new Problem(0, "", Kind.UNREADABLE_FILE, e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        column(file, "code", columns, problems, "code", "mã", "mã thủ tục", "mã TTHC");
        column(file, "name", columns, problems, "name", "tên", "tên thủ tục");
        column(file, "field", columns, problems, "field", "lĩnh vực");
        column(file, "essential", columns, problems, "essential", "thiết yếu", "dịch vụ công thiết yếu");
        column(file, "online", columns, problems, "online", "online level", "mức độ", "trực tuyến");
        if (!problems.isEmpty()) {
            return refused(file.lines().size(), problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<ProcedureData> rows = new ArrayList<>();
        for (TabularFile.Line line : file.lines()) {
            int before = problems.size();
            String code = line.cell(columns.get("code"));
            String name = line.cell(columns.get("name"));
            String field = line.cell(columns.get("field"));
            Optional<Boolean> essential = yesNo(line.cell(columns.get("essential")));
            Optional<OnlineLevel> online = OnlineLevel.parse(line.cell(columns.get("online")));
            if (!CODE.matcher(code).matches()) {
                problems.add(new Problem(line.number(), code, Kind.INVALID_CODE, code));
            } else if (seen.putIfAbsent(code, line.number()) != null) {
                problems.add(new Problem(line.number(), code, Kind.DUPLICATE_CODE, String.valueOf(seen.get(code))));
            }
            if (name.isEmpty() || name.length() > 400) {
                problems.add(new Problem(line.number(), code, Kind.EMPTY_NAME, ""));
            }
            if (field.isEmpty() || field.length() > 200) {
                problems.add(new Problem(line.number(), code, Kind.EMPTY_FIELD, ""));
            }
            if (essential.isEmpty()) {
                problems.add(new Problem(line.number(), code, Kind.BAD_YES_NO, line.cell(columns.get("essential"))));
            }
            if (online.isEmpty()) {
                problems.add(new Problem(line.number(), code, Kind.UNKNOWN_ONLINE_LEVEL,
                        line.cell(columns.get("online"))));
            }
            if (problems.size() == before) {
                rows.add(new ProcedureData(code, name, field, essential.get(), online.get()));
            }
        }
        if (!problems.isEmpty()) {
            return refused(file.lines().size(), problems);
        }
        int created = 0;
        int updated = 0;
        for (ProcedureData row : rows) {
            ProcedureItem item = items.findByCode(row.code()).orElseGet(() -> new ProcedureItem(row.code()));
            boolean isNew = item.isNew();
            ProcedureData before = isNew ? null : item.toData();
            if (item.update(row)) {
                items.save(item);
                if (isNew) {
                    created++;
                } else {
                    updated++;
                    audit.record("UPDATE", AUDIT_TYPE, row.code(), Scope.ROOT_PATH, String.valueOf(before),
                            String.valueOf(row));
                }
            }
        }
        audit.record("IMPORT", AUDIT_TYPE, fileName == null ? "" : fileName, Scope.ROOT_PATH, null,
                "lines=" + rows.size() + ", created=" + created + ", updated=" + updated);
        if (created + updated > 0) {
            events.publishEvent(new ProcedureCatalogueChanged(created, updated));
        }
        return new ProcedureImportReport(rows.size(), created, updated, rows.size() - created - updated, List.of());
    }

    private static void column(TabularFile file, String key, Map<String, Integer> columns, List<Problem> problems,
                               String... aliases) {
        file.column(aliases).ifPresentOrElse(i -> columns.put(key, i),
                () -> problems.add(new Problem(1, "", Kind.MISSING_COLUMN, aliases[0])));
    }

    /** "Có"/"Không", "x"/"", "yes"/"no", "1"/"0", "true"/"false": what spreadsheets hold. */
    static Optional<Boolean> yesNo(String text) {
        String v = VietnameseText.fold(text);
        return switch (v) {
            case "co", "x", "yes", "y", "1", "true" -> Optional.of(true);
            case "", "khong", "no", "n", "0", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static ProcedureImportReport refused(int lines, List<Problem> problems) {
        return new ProcedureImportReport(lines, 0, 0, 0, List.copyOf(problems));
    }
}
