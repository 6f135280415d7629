package vn.dvctt.geo.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.dvctt.geo.ImportProblem;
import vn.dvctt.geo.ImportProblem.Kind;
import vn.dvctt.geo.UnitType;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.shared.VietnameseText;

/**
 * Plans and applies an import of units (code, name, type, parent code) against the whole current
 * tree, in memory: a national file (~110,000 rows) is validated, checked for cycles and turned into
 * batched inserts and updates in one pass. Re-importing the same file changes nothing.
 */
@Component
public class UnitImporter {

    public static final String ROOT_CODE = "VN";
    /** Codes become path segments and LIKE prefixes: no '/', '%' or '_'. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,39}");
    public static final int MAX_NAME = 200;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public static boolean isValidCode(String code) {
        return CODE.matcher(code).matches();
    }

    UnitImporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit as it is or will be. */
    private record Node(Long id, String code, String name, UnitType type, String parentCode, String path, int depth) {
    }

    private record Incoming(int line, String code, String name, UnitType type, String parentCode) {
    }

    public record Change(String code, Long id, String name, UnitType type, String parentCode, String path, int depth,
                         String before, String after) {
    }

    /** {@code knownIds}: code → id of every unit already in the tree, for parent references. */
    public record Plan(int lines, List<Change> creates, List<Change> updates, int unchanged,
                       List<ImportProblem> problems, Map<String, Long> knownIds) {
    }

    /**
     * Validates the file against the current tree. Every unit the file creates, renames or moves
     * must be editable by the importer, at its old place and at its new one.
     */
    public Plan plan(TabularFile file, Predicate<String> mayEdit, String scopePath) {
        List<ImportProblem> problems = new ArrayList<>();
        Optional<Integer> codeCol = file.column("code", "mã", "mã đơn vị", "ma dvhc");
        Optional<Integer> nameCol = file.column("name", "tên", "tên đơn vị");
        Optional<Integer> typeCol = file.column("type", "loại", "cấp", "loại đơn vị");
        Optional<Integer> parentCol = file.column("parent code", "parent", "mã cấp trên", "mã cha", "parent_code");
        for (var col : List.of(Map.entry("code", codeCol), Map.entry("name", nameCol), Map.entry("type", typeCol),
                Map.entry("parent code", parentCol))) {
            if (col.getValue().isEmpty()) {
                problems.add(new ImportProblem(1, "", Kind.MISSING_COLUMN, col.getKey()));
            }
        }
        if (!problems.isEmpty()) {
            return new Plan(file.lines().size(), List.of(), List.of(), 0, problems, Map.of());
        }

        Map<String, Node> current = loadTree();
        Map<String, Incoming> incoming = new HashMap<>();
        for (TabularFile.Line line : file.lines()) {
            String code = line.cell(codeCol.get());
            String name = line.cell(nameCol.get());
            String typeText = line.cell(typeCol.get());
            String parent = line.cell(parentCol.get());
            Optional<UnitType> type = UnitType.parse(typeText);
            int before = problems.size();
            if (code.isEmpty()) {
                problems.add(new ImportProblem(line.number(), code, Kind.EMPTY_CODE, ""));
            } else if (!isValidCode(code)) {
                problems.add(new ImportProblem(line.number(), code, Kind.INVALID_CODE, code));
            } else if (code.equals(ROOT_CODE)) {
                problems.add(new ImportProblem(line.number(), code, Kind.ROOT_NOT_EDITABLE, code));
            } else if (incoming.containsKey(code)) {
                problems.add(new ImportProblem(line.number(), code, Kind.DUPLICATE_CODE,
                        String.valueOf(incoming.get(code).line())));
            }
            if (name.isEmpty()) {
                problems.add(new ImportProblem(line.number(), code, Kind.EMPTY_NAME, ""));
            } else if (name.length() > MAX_NAME) {
                problems.add(new ImportProblem(line.number(), code, Kind.NAME_TOO_LONG, String.valueOf(MAX_NAME)));
            }
            if (type.isEmpty() || type.get() == UnitType.QUOC_GIA) {
                problems.add(new ImportProblem(line.number(), code, Kind.UNKNOWN_TYPE, typeText));
            }
            if (problems.size() == before) {
                incoming.put(code, new Incoming(line.number(), code, name, type.get(),
                        parent.isEmpty() ? ROOT_CODE : parent));
            }
        }

        // Every parent must exist in the file or in the tree; then no unit may be its own ancestor.
        for (Incoming row : incoming.values()) {
            if (!incoming.containsKey(row.parentCode()) && !current.containsKey(row.parentCode())) {
                problems.add(new ImportProblem(row.line(), row.code(), Kind.UNKNOWN_PARENT, row.parentCode()));
            }
        }
        if (problems.isEmpty()) {
            findCycles(incoming, current, problems);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::line));
            return new Plan(file.lines().size(), List.of(), List.of(), 0, problems, Map.of());
        }

        Planning planning = new Planning(incoming, current, mayEdit, scopePath, problems);
        planning.walkFromRoot();
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        Map<String, Long> knownIds = new HashMap<>();
        current.values().forEach(n -> knownIds.put(n.code(), n.id()));
        return new Plan(file.lines().size(), planning.creates, planning.updates, planning.unchanged, problems,
                knownIds);
    }

    /**
     * Walks down from the root computing final paths. A subtree whose path is unchanged and that holds
     * no incoming row is skipped, so a small file touches only its own part of a national tree.
     */
    private static final class Planning {
        private record Frame(String code, String path, int depth, boolean moved) {
        }

        private final Map<String, Incoming> incoming;
        private final Map<String, Node> current;
        private final Predicate<String> mayEdit;
        private final String scopePath;
        private final List<ImportProblem> problems;
        private final Map<String, List<String>> childrenByParent = new HashMap<>();
        private final Set<String> touched = new HashSet<>();
        final List<Change> creates = new ArrayList<>();
        final List<Change> updates = new ArrayList<>();
        int unchanged;

        Planning(Map<String, Incoming> incoming, Map<String, Node> current, Predicate<String> mayEdit,
                 String scopePath, List<ImportProblem> problems) {
            this.incoming = incoming;
            this.current = current;
            this.mayEdit = mayEdit;
            this.scopePath = scopePath;
            this.problems = problems;
            current.values().stream().filter(n -> n.parentCode() != null && !incoming.containsKey(n.code()))
                    .forEach(n -> childrenByParent.computeIfAbsent(n.parentCode(), k -> new ArrayList<>())
                            .add(n.code()));
            incoming.values().forEach(r -> childrenByParent.computeIfAbsent(r.parentCode(),
                    k -> new ArrayList<>()).add(r.code()));
            for (Incoming row : incoming.values()) {
                String code = row.code();
                while (code != null && touched.add(code)) {
                    code = parentOf(code);
                }
            }
        }

        private String parentOf(String code) {
            Incoming in = incoming.get(code);
            return in != null ? in.parentCode() : current.get(code).parentCode();
        }

        void walkFromRoot() {
            Node root = current.get(ROOT_CODE);
            ArrayDeque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root.code(), root.path(), root.depth(), false));
            while (!stack.isEmpty()) {
                Frame frame = stack.pop();
                for (String code : childrenByParent.getOrDefault(frame.code(), List.of())) {
                    Node existing = current.get(code);
                    String path = frame.path() + code + "/";
                    boolean moved = frame.moved() || existing != null && !existing.path().equals(path);
                    if (moved || touched.contains(code)) {
                        visit(code, existing, incoming.get(code), frame.code(), path, frame.depth() + 1);
                        stack.push(new Frame(code, path, frame.depth() + 1, moved));
                    }
                }
            }
        }

        private void visit(String code, Node existing, Incoming row, String parentCode, String path, int depth) {
            String name = row != null ? row.name() : existing.name();
            UnitType type = row != null ? row.type() : existing.type();
            int line = row != null ? row.line() : 0;
            if (existing == null) {
                if (inScope(line, code, path, null)) {
                    creates.add(new Change(code, null, name, type, parentCode, path, depth, null,
                            summary(name, type, parentCode)));
                }
            } else if (!existing.path().equals(path) || !existing.name().equals(name) || existing.type() != type) {
                if (inScope(line, code, path, existing.path())) {
                    updates.add(new Change(code, existing.id(), name, type, parentCode, path, depth,
                            summary(existing.name(), existing.type(), existing.parentCode()),
                            summary(name, type, parentCode)));
                }
            } else if (row != null) {
                unchanged++;
            }
        }

        private boolean inScope(int line, String code, String newPath, String oldPath) {
            boolean ok = mayEdit.test(newPath) && (oldPath == null || mayEdit.test(oldPath));
            if (!ok) {
                problems.add(new ImportProblem(line, code, Kind.OUTSIDE_SCOPE, scopePath));
            }
            return ok;
        }
    }

    private static String summary(String name, UnitType type, String parentCode) {
        return type.vietnameseName() + " " + name + " ← " + parentCode;
    }

    private static void findCycles(Map<String, Incoming> incoming, Map<String, Node> current,
                                   List<ImportProblem> problems) {
        // 0 = unseen, 1 = on the current walk, 2 = known to reach the root
        Map<String, Integer> state = new HashMap<>();
        for (Incoming start : incoming.values()) {
            List<String> walk = new ArrayList<>();
            String code = start.code();
            boolean cycle = false;
            while (code != null && !code.equals(ROOT_CODE)) {
                int s = state.getOrDefault(code, 0);
                if (s == 2) {
                    break;
                }
                if (s == 1) {
                    cycle = true;
                    break;
                }
                state.put(code, 1);
                walk.add(code);
                Incoming in = incoming.get(code);
                code = in != null ? in.parentCode() : current.get(code).parentCode();
            }
            for (String c : walk) {
                state.put(c, 2);
            }
            if (cycle) {
                int from = walk.indexOf(code);
                for (String c : walk.subList(Math.max(from, 0), walk.size())) {
                    Incoming in = incoming.get(c);
                    if (in != null) {
                        problems.add(new ImportProblem(in.line(), c, Kind.CYCLE, String.join(" → ", walk)));
                    }
                }
            }
        }
    }

    private Map<String, Node> loadTree() {
        Map<String, Node> byId = new HashMap<>();
        Map<Long, String> codeById = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select id, code, name, unit_type, parent_id, path, depth from admin_unit", rs -> {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getInt(7)});
            codeById.put(rs.getLong(1), rs.getString(2));
        });
        for (Object[] r : rows) {
            String code = (String) r[1];
            byId.put(code, new Node((Long) r[0], code, (String) r[2], UnitType.valueOf((String) r[3]),
                    r[4] == null ? null : codeById.get((Long) r[4]), (String) r[5], (Integer) r[6]));
        }
        return byId;
    }

    /**
     * PostgreSQL plans the foreign-key check of each insert once per session; planned while the table
     * was nearly empty it scans the table, and a national import into a new database became minutes
     * long. Fresh statistics after each level (ANALYZE works inside the transaction) make it replan.
     */
    private void refreshStatistics() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        if (postgres) {
            jdbc.execute("analyze admin_unit");
        }
    }

    /**
     * Applies a plan without problems, parents before children, in JDBC batches. Parent ids come from
     * memory (the loaded tree plus the keys each insert batch returns), never from a per-row subquery:
     * PostgreSQL caches the plan of a prepared statement while the table is still small, and a
     * per-row lookup planned as a scan made a national import quadratic.
     */
    public void apply(Plan plan) {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Long> ids = new HashMap<>(plan.knownIds());
        List<Change> creates = new ArrayList<>(plan.creates());
        creates.sort(Comparator.comparingInt(Change::depth));
        int from = 0;
        while (from < creates.size()) {
            int depth = creates.get(from).depth();
            int to = from;
            while (to < creates.size() && to - from < BATCH && creates.get(to).depth() == depth) {
                to++;
            }
            List<Change> batch = creates.subList(from, to);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.batchUpdate(con -> con.prepareStatement("insert into admin_unit (code, name, search_name, "
                    + "unit_type, parent_id, path, depth, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"}), new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            Change c = batch.get(i);
                            ps.setString(1, c.code());
                            ps.setString(2, c.name());
                            ps.setString(3, VietnameseText.fold(c.name()));
                            ps.setString(4, c.type().name());
                            ps.setLong(5, ids.get(c.parentCode()));
                            ps.setString(6, c.path());
                            ps.setInt(7, c.depth());
                            ps.setTimestamp(8, now);
                        }

                        @Override
                        public int getBatchSize() {
                            return batch.size();
                        }
                    }, keys);
            List<Map<String, Object>> generated = keys.getKeyList();
            for (int i = 0; i < batch.size(); i++) {
                ids.put(batch.get(i).code(), ((Number) generated.get(i).values().iterator().next()).longValue());
            }
            from = to;
            if (to == creates.size() || creates.get(to).depth() != depth) {
                refreshStatistics();
            }
        }
        List<Change> updates = plan.updates();
        for (int start = 0; start < updates.size(); start += BATCH) {
            List<Change> batch = updates.subList(start, Math.min(updates.size(), start + BATCH));
            jdbc.batchUpdate("update admin_unit set name = ?, search_name = ?, unit_type = ?, parent_id = ?, path = ?, "
                    + "depth = ?, version = version + 1, updated_at = ? where id = ?", batch, batch.size(), (ps, c) -> {
                        ps.setString(1, c.name());
                        ps.setString(2, VietnameseText.fold(c.name()));
                        ps.setString(3, c.type().name());
                        ps.setLong(4, ids.get(c.parentCode()));
                        ps.setString(5, c.path());
                        ps.setInt(6, c.depth());
                        ps.setTimestamp(7, now);
                        ps.setLong(8, c.id());
                    });
        }
    }
}
