package vn.dvctt.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvctt.DvcttApplication;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.support.EmbeddedTestPorts;

/**
 * Imports a generated national-size unit file into PostgreSQL and prints the figures of the
 * foundation issue. PostgreSQL comes from BENCH_PG_URL / BENCH_PG_USER / BENCH_PG_PASSWORD, or the
 * local server on 127.0.0.1:5432 (database test); the run works in a fresh schema it drops after.
 */
public final class UnitImportBenchmark {

    public static void main(String[] args) throws Exception {
        String url = env("BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("BENCH_PG_USER", "postgres");
        String password = env("BENCH_PG_PASSWORD", "");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql(url, user, password, "CREATE SCHEMA " + schema);
        Path file = Files.createTempFile("national-units", ".csv");
        try {
            NationalUnitsFile.Stats stats = NationalUnitsFile.write(file, 2025);
            Path broken = Files.createTempFile("national-units-broken", ".csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.set(5000, "9999999,,Xã,01");                        // empty name
            lines.set(60000, lines.get(60000).replaceAll(",[^,]*$", ",nowhere"));  // unknown parent
            lines.add(lines.get(10));                                  // duplicate code
            Files.write(broken, lines, StandardCharsets.UTF_8);
            run(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema, file, broken,
                    stats);
            Files.deleteIfExists(broken);
        } finally {
            Files.deleteIfExists(file);
            sql(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void run(String url, String user, String password, String schema, Path file, Path broken,
                            NationalUnitsFile.Stats stats) throws Exception {
        Map<String, Object> props = Map.of(
                "spring.datasource.url", url, "spring.datasource.username", user,
                "spring.datasource.password", password, "spring.flyway.schemas", schema,
                "server.port", "0", "dvctt.demo.enabled", "false",
                "dvctt.mqtt.embedded.port", EmbeddedTestPorts.freePort(),
                "dvctt.data-dir", Files.createTempDirectory("bench-data").toString(),
                "logging.level.root", "WARN");
        // As command-line arguments: they outrank application.properties, unlike default properties.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DvcttApplication.class).run(args)) {
            AdminUnitService units = ctx.getBean(AdminUnitService.class);
            CurrentUser system = ctx.getBean(CurrentUser.class);
            Supplier<UnitImportReport> importFile = () -> system.runAsSystem(() -> importFrom(units, file));

            long t0 = System.nanoTime();
            UnitImportReport first = importFile.get();
            double importS = seconds(t0);
            require(first.applied() && first.created() == stats.lines(), "first import " + first);

            t0 = System.nanoTime();
            UnitImportReport again = importFile.get();
            double reimportS = seconds(t0);
            require(again.created() == 0 && again.updated() == 0 && again.unchanged() == stats.lines(),
                    "re-import " + again);

            t0 = System.nanoTime();
            UnitImportReport refused = system.runAsSystem(() -> importFrom(units, broken));
            double rejectS = seconds(t0);
            require(!refused.applied() && refused.problems().size() >= 3, "broken file " + refused.problems());

            String[] terms = {"quang son", "dong", "phuoc long", "krong", "0105", "xuan yen 3", "ha kim", "tan an"};
            double[] searchMs = new double[40];
            for (int i = 0; i < searchMs.length; i++) {
                String term = terms[i % terms.length];
                long s = System.nanoTime();
                system.runAsSystem(() -> units.search(term, 50));
                searchMs[i] = (System.nanoTime() - s) / 1e6;
            }
            long s = System.nanoTime();
            Map<?, Long> counts = system.runAsSystem(units::countByLevel);
            double countMs = (System.nanoTime() - s) / 1e6;
            require(counts.values().stream().mapToLong(Long::longValue).sum() == stats.lines() + 1, "counts " + counts);

            System.out.println("units in file: " + stats.lines() + " (" + stats.communes() + " communes, "
                    + stats.villages() + " villages); problems reported in the broken file: "
                    + refused.problems().size());
            System.out.printf("unit_import_rows: %d rows%n", stats.lines());
            System.out.printf("unit_import_s: %.2f s%n", importS);
            System.out.printf("unit_reimport_s: %.2f s%n", reimportS);
            System.out.printf("unit_import_rejected_s: %.2f s%n", rejectS);
            System.out.printf("unit_search_median_ms: %.1f ms%n", median(searchMs));
            System.out.printf("unit_count_by_level_ms: %.1f ms%n", countMs);
        }
    }

    private static UnitImportReport importFrom(AdminUnitService units, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return units.importUnits(in, file.getFileName().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Benchmark sanity check failed: " + what);
        }
    }

    private static void sql(String url, String user, String password, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private UnitImportBenchmark() {
    }
}
