package vn.dvctt.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvctt.DvcttApplication;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignIndicatorData;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignSnapshots;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.IndicatorData;
import vn.dvctt.campaign.IndicatorKind;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.support.EmbeddedTestPorts;

/**
 * The campaign dashboard at national scale: 34 provinces, ~3,300 communes, ~99,000 villages, a year
 * of weekly commune readings for the library's 15 indicators (~2.6 million values). A dashboard
 * page is what the campaign page asks for one unit: every indicator's progress, plus for one of
 * them the ranking of the units below and the "who lags" list a level down. Prints p50/p95 per level, then the worst p95 and the time of
 * one snapshot. {@code bench.db=pg} (default; BENCH_PG_URL or the local test database, in a
 * throw-away schema) or {@code bench.db=h2} (a file database in a temporary directory).
 */
public final class CampaignBenchmark {

    private static final int PAGES_PER_LEVEL = 60;
    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "pg");
        Path dir = Files.createTempDirectory("bench-campaign");
        Map<String, Object> props = new LinkedHashMap<>();
        String schema = null;
        String url = env("BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("BENCH_PG_USER", "postgres");
        String password = env("BENCH_PG_PASSWORD", "");
        if (db.equals("pg")) {
            schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            sql(url, user, password, "CREATE SCHEMA " + schema);
            props.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                    + "&reWriteBatchedInserts=true");
            props.put("spring.datasource.username", user);
            props.put("spring.datasource.password", password);
            props.put("spring.flyway.schemas", schema);
        } else {
            props.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db") + "/bench");
        }
        props.put("server.port", "0");
        props.put("dvctt.demo.enabled", "false");
        props.put("dvctt.mqtt.embedded.port", EmbeddedTestPorts.freePort());
        props.put("dvctt.data-dir", dir.toString());
        props.put("spring.quartz.auto-startup", "false");
        props.put("logging.level.root", "WARN");
        String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DvcttApplication.class).run(argv)) {
            run(ctx, db);
        } finally {
            if (schema != null) {
                sql(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(ConfigurableApplicationContext ctx, String db) throws Exception {
        AdminUnitService units = ctx.getBean(AdminUnitService.class);
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        CampaignSnapshots snapshots = ctx.getBean(CampaignSnapshots.class);
        CurrentUser system = ctx.getBean(CurrentUser.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

        Path file = Files.createTempFile("merged-units", ".csv");
        NationalUnitsFile.Stats stats = NationalUnitsFile.writeMerged(file, 2025);
        long t0 = System.nanoTime();
        UnitImportReport report = system.runAsSystem(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return units.importUnits(in, "merged.csv");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.deleteIfExists(file);
        require(report.applied(), "units " + report.problems());
        System.out.printf("units imported: %d (%d communes, %d villages) in %.1f s%n", stats.lines(),
                stats.communes(), stats.villages(), seconds(t0));

        CampaignData campaign = system.runAsSystem(() -> {
            UnitId country = units.myUnit().id();
            CampaignId id = campaigns.create(new NewCampaign("Kế hoạch chuyển đổi số năm 2025", CampaignKind.PLAN, null,
                    START, START.plusWeeks(52), country)).id();
            for (IndicatorData indicator : campaigns.library()) {
                long ci = campaigns.addIndicator(id, indicator.code()).id();
                BigDecimal target = BigDecimal.valueOf(indicator.kind() == IndicatorKind.COUNT ? 500 : 50);
                for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.COMMUNE)) {
                    campaigns.setLevelTarget(ci, level, START.plusWeeks(52), target);
                }
            }
            campaigns.setStatus(id, CampaignStatus.ACTIVE);
            return campaigns.find(id).orElseThrow();
        });

        // A year of weekly readings per commune and indicator, written straight to the table: the
        // generator is not what is measured.
        List<Object[]> communes = jdbc.query("select id, path from admin_unit where unit_type in ('XA', 'PHUONG')",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        require(communes.size() == stats.communes(), "communes " + communes.size());
        Random random = new Random(15);
        t0 = System.nanoTime();
        long rows = 0;
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        for (CampaignIndicatorData ci : campaign.indicators()) {
            boolean ratio = ci.indicator().kind() == IndicatorKind.RATIO;
            List<Object[]> batch = new ArrayList<>();
            for (Object[] commune : communes) {
                int base = 50 + random.nextInt(400);
                double share = 0.1 + random.nextDouble() * 0.3;
                for (int w = 0; w < 52; w++) {
                    share = Math.min(0.99, share + random.nextDouble() * 0.02);
                    BigDecimal amount = ci.indicator().kind() == IndicatorKind.COVERAGE
                            ? BigDecimal.valueOf(share > 0.5 ? 1 : 0) : BigDecimal.valueOf(Math.round(base * share));
                    batch.add(new Object[] {ci.id(), commune[0], commune[1], java.sql.Date.valueOf(START.plusWeeks(w)),
                            ratio ? amount : null, ratio ? BigDecimal.valueOf(base) : null, amount, "bench", now});
                    if (batch.size() == 5000) {
                        rows += insert(jdbc, batch);
                    }
                }
            }
            rows += insert(jdbc, batch);
        }
        if (db.equals("pg")) {
            jdbc.execute("ANALYZE indicator_value");
        }
        System.out.printf("values generated: %d in %.1f s%n", rows, seconds(t0));

        LocalDate asOf = START.plusWeeks(51);
        List<CampaignIndicatorData> indicators = campaign.indicators();
        Map<String, List<UnitId>> levels = new LinkedHashMap<>();
        levels.put("country", List.of(system.runAsSystem(units::myUnit).id()));
        levels.put("province", jdbc.query("select id from admin_unit where unit_type = 'TINH'",
                (rs, i) -> new UnitId(rs.getLong(1))));
        levels.put("commune", communes.stream().map(c -> new UnitId((Long) c[0])).toList());
        double worstP95 = 0;
        double firstPage = -1;
        Random pick = new Random(7);
        for (Map.Entry<String, List<UnitId>> level : levels.entrySet()) {
            double[] ms = new double[PAGES_PER_LEVEL];
            for (int i = 0; i < ms.length; i++) {
                UnitId unit = level.getValue().get(pick.nextInt(level.getValue().size()));
                CampaignIndicatorData ranked = indicators.get(pick.nextInt(indicators.size()));
                long s = System.nanoTime();
                system.runAsSystem(() -> {
                    for (CampaignIndicatorData ci : indicators) {
                        campaigns.progress(ci.id(), unit, asOf);
                    }
                    campaigns.ranking(ranked.id(), unit, asOf);
                    // "who lags": the communes under a province or the country, the villages under a commune
                    return campaigns.lagging(ranked.id(), unit, level.getKey().equals("commune") ? UnitLevel.VILLAGE
                            : UnitLevel.COMMUNE, asOf);
                });
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            if (firstPage < 0) {
                firstPage = ms[0]; // the rollups were cold: one whole-country pass per indicator
            }
            Arrays.sort(ms);
            double p50 = ms[ms.length / 2];
            double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
            worstP95 = Math.max(worstP95, p95);
            System.out.printf("dashboard_%s_p50_ms: %.1f ms%n", level.getKey(), p50);
            System.out.printf("dashboard_%s_p95_ms: %.1f ms%n", level.getKey(), p95);
        }
        t0 = System.nanoTime();
        system.runAsSystem(() -> snapshots.takeNow(campaign.id(), asOf));
        double snapshotS = seconds(t0);
        Integer frozen = jdbc.queryForObject("select count(*) from snapshot_value", Integer.class);
        System.out.println("database: " + db + "; snapshot rows: " + frozen + "; dashboard data at most "
                + "dvctt.campaign.live-seconds (60 s) old");
        System.out.printf("dashboard_cold_first_page_ms: %.1f ms%n", firstPage);
        System.out.printf("dashboard_p95_ms: %.1f ms%n", worstP95);
        System.out.printf("snapshot_job_s: %.2f s%n", snapshotS);
    }

    private static long insert(JdbcTemplate jdbc, List<Object[]> batch) {
        int n = batch.size();
        if (n > 0) {
            jdbc.batchUpdate("insert into indicator_value (campaign_indicator_id, unit_id, unit_path, period_on, "
                    + "numerator, denominator, amount, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
        return n;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
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

    private CampaignBenchmark() {
    }
}
