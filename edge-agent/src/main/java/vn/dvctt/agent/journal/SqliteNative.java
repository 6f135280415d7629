package vn.dvctt.agent.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import vn.dvctt.agent.Log;

/**
 * Hands sqlite-jdbc its native library from the agent's data directory on the common platforms
 * (Linux and Windows on x86_64, Linux on aarch64), extracted there once per library version.
 *
 * <p>Left to itself, sqlite-jdbc works out the platform at every start by running {@code uname}
 * (a child process, a reaper thread, ~30 classes kept for the life of the agent) and extracts the
 * library into the temporary directory again, which a hardened PC may mount {@code noexec}. Elsewhere
 * (32-bit ARM, whose variants need that probing) or if the copy cannot be loaded, sqlite-jdbc's own
 * search runs as before.
 */
final class SqliteNative {

    private static final Log log = Log.of(SqliteNative.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNative() {
    }

    /** Sets sqlite-jdbc's library properties, unless already set; call before the first connection. */
    static void prepare(Path dataDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // chosen by whoever runs the agent
        }
        Optional<String> resource = resource(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (resource.isEmpty()) {
            return;
        }
        String name = resource.get().substring(resource.get().lastIndexOf('/') + 1);
        try {
            Path file = extract(resource.get(), dataDir.resolve("native"), version() + "-" + name);
            System.setProperty(PATH_PROPERTY, file.getParent().toAbsolutePath().toString());
            System.setProperty(NAME_PROPERTY, file.getFileName().toString());
        } catch (IOException e) {
            log.warn("Cannot keep SQLite's native library in {}; sqlite-jdbc extracts its own: {}", dataDir, e.toString());
        }
    }

    /** The library's place in the sqlite-jdbc jar for this platform, if it is one we know without probing. */
    static Optional<String> resource(String osName, String osArch) {
        String os = osName.startsWith("Windows") ? "Windows" : osName.equals("Linux") ? "Linux" : null;
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> os != null && os.equals("Linux") ? "aarch64" : null;
            default -> null;
        };
        if (os == null || arch == null) {
            return Optional.empty();
        }
        String file = os.equals("Windows") ? "sqlitejdbc.dll" : "libsqlitejdbc.so";
        String path = "/org/sqlite/native/" + os + "/" + arch + "/" + file;
        return SqliteNative.class.getResource(path) == null ? Optional.empty() : Optional.of(path);
    }

    /** Copies the resource to {@code dir/fileName} unless a copy of the same size is there already. */
    static Path extract(String resource, Path dir, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        java.net.URL url = SqliteNative.class.getResource(resource);
        if (url == null) {
            throw new IOException("no resource " + resource);
        }
        // the entry's size from the jar's directory: the 1 MB library is not read when a copy is there
        long size = url.openConnection().getContentLengthLong();
        if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, fileName, ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            // same directory, so the rename is atomic: a running agent never loads a half-written library
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        log.info("SQLite's native library kept at {}", target);
        return target;
    }

    private static String version() {
        return org.sqlite.SQLiteJDBCLoader.getVersion().replaceAll("[^A-Za-z0-9.]", "_");
    }
}
