package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import vn.dvctt.support.RealServices;

/**
 * deploy/backup run for real against the local PostgreSQL: a scratch database migrated by the server's
 * Flyway scripts and given some rows, a content store with files named by their SHA-256, backed up,
 * restored into a second fresh database and store, and compared table by table and file by file.
 * Needs pg_dump/pg_restore and a PostgreSQL (TEST_PG_URL or 127.0.0.1:5432); fails under CI=true without.
 */
class BackupRestoreIT {

    static final Path BACKUP = DeployFiles.DEPLOY.resolve("backup");
    final String suffix = Long.toHexString(System.nanoTime());
    final String source = "dvctt_bk_" + suffix;
    final String target = "dvctt_rs_" + suffix;
    String baseUrl;
    String user;
    String password;
    URI server;
    Path dir;

    @BeforeEach
    void scratchDatabases() throws Exception {
        boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/pg_restore"));
        baseUrl = System.getenv().getOrDefault("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        user = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
        password = System.getenv().getOrDefault("TEST_PG_PASSWORD", "");
        server = URI.create(baseUrl.substring("jdbc:".length()));
        boolean pg = RealServices.reachable("tcp://" + server.getHost() + ":" + server.getPort());
        if (!(tools && pg) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + (tools ? "" : "pg_dump/pg_restore (apt-get install postgresql-client) ")
                    + (pg ? "" : "PostgreSQL at " + server) + " missing");
        }
        Assumptions.assumeTrue(tools && pg, "pg_dump or PostgreSQL missing");
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + source);
            s.execute("CREATE DATABASE " + target);
        }
        dir = Files.createTempDirectory("dvctt-backup");
    }

    @AfterEach
    void dropDatabases() throws Exception {
        if (dir == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
            s.execute("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
    }

    private void migrateAndFill() throws Exception {
        Flyway.configure().dataSource(url(source), user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try (Connection c = DriverManager.getConnection(url(source), user, password); Statement s = c.createStatement()) {
            for (int i = 0; i < 50; i++) {
                s.execute("INSERT INTO device (device_id, venue_id, venue_name, unit_id, unit_name, unit_path, state, created_at)"
                        + " VALUES ('dev-" + i + "', " + i + ", 'Nhà văn hóa bản " + i + "', 1, 'Xã Hoành Mô', '/1/', 'ENROLLED', now())");
                s.execute("INSERT INTO device_presence (device_id, online, last_seen_at) VALUES ('dev-" + i + "', " + (i % 2 == 0) + ", now())");
            }
        }
    }

    /** Row count and a digest of every row of every table of the public schema. */
    private Map<String, String> contents(String database) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url(database), user, password); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '')"
                        + " FROM \"" + t + "\" x")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Path putContent(Path store, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = store.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private record Run(int exit, String output) {
    }

    private Run run(Path script, String database, Path store) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), dir.resolve("backup").toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PGHOST", server.getHost());
        env.put("PGPORT", String.valueOf(server.getPort()));
        env.put("PGUSER", user);
        env.put("PGPASSWORD", password);
        env.put("PGDATABASE", database);
        env.put("DVCTT_STORE_DIR", store.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aRestoredBackupHasEveryRowAndEveryStoredFile() throws Exception {
        migrateAndFill();
        Path store = dir.resolve("store");
        List<Path> files = List.of(putContent(store, "poster"), putContent(store, "video guide bytes"), putContent(store, "ảnh buổi tập huấn"));
        Files.createDirectories(store.resolve("tmp"));
        Files.writeString(store.resolve("tmp/upload-1.part"), "half an upload");

        Run backup = run(BACKUP.resolve("backup.sh"), source, store);
        assertThat(backup.exit()).as(backup.output()).isZero();
        Path restored = dir.resolve("restored-store");
        Run restore = run(BACKUP.resolve("restore.sh"), target, restored);
        assertThat(restore.exit()).as(restore.output()).isZero();

        Map<String, String> before = contents(source);
        assertThat(before).containsKeys("device", "device_presence", "flyway_schema_history");
        assertThat(before.get("device")).startsWith("50:");
        assertThat(contents(target)).isEqualTo(before);
        for (Path f : files) {
            assertThat(restored.resolve(store.relativize(f))).hasSameBinaryContentAs(f);
        }
        assertThat(restored.resolve("tmp")).doesNotExist();
    }

    @Test
    void aDamagedStoreFileFailsTheBackupAndIsNotCopied() throws Exception {
        migrateAndFill();
        Path store = dir.resolve("store");
        Path good = putContent(store, "good");
        Path damaged = putContent(store, "will rot");
        Files.writeString(damaged, "rotten");

        Run backup = run(BACKUP.resolve("backup.sh"), source, store);

        assertThat(backup.exit()).isNotZero();
        assertThat(backup.output()).contains(damaged.getFileName().toString()).contains("damaged");
        assertThat(dir.resolve("backup/store").resolve(store.relativize(good))).exists();
        assertThat(dir.resolve("backup/store").resolve(store.relativize(damaged))).doesNotExist();
    }

    @Test
    void restoreRefusesABackupWhoseFilesNoLongerMatchTheirNames() throws Exception {
        migrateAndFill();
        Path store = dir.resolve("store");
        Path file = putContent(store, "intact at backup time");
        assertThat(run(BACKUP.resolve("backup.sh"), source, store).exit()).isZero();
        Files.writeString(dir.resolve("backup/store").resolve(store.relativize(file)), "bit rot in the backup");

        Run restore = run(BACKUP.resolve("restore.sh"), target, dir.resolve("restored"));

        assertThat(restore.exit()).isNotZero();
        assertThat(restore.output()).contains("nothing restored");
        assertThat(contents(target)).isEmpty();
    }
}
