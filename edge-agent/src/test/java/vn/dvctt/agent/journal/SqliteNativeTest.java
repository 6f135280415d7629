package vn.dvctt.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeTest {

    @TempDir
    Path dir;

    @Test
    void theCommonPlatformsAreKnownWithoutProbing() {
        assertThat(SqliteNative.resource("Linux", "amd64")).contains("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
        assertThat(SqliteNative.resource("Linux", "aarch64")).contains("/org/sqlite/native/Linux/aarch64/libsqlitejdbc.so");
        assertThat(SqliteNative.resource("Windows 10", "amd64")).contains("/org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
    }

    @Test
    void otherPlatformsAreLeftToSqliteJdbcsOwnSearch() {
        assertThat(SqliteNative.resource("Linux", "arm")).isEmpty(); // armv6 or armv7: sqlite-jdbc asks uname
        assertThat(SqliteNative.resource("Mac OS X", "aarch64")).isEmpty();
        assertThat(SqliteNative.resource("FreeBSD", "amd64")).isEmpty();
    }

    @Test
    void theLibraryIsCopiedOnceAndReusedAtTheNextStart() throws Exception {
        String resource = SqliteNative.resource("Linux", "amd64").orElseThrow();
        Path first = SqliteNative.extract(resource, dir.resolve("native"), "3.54-libsqlitejdbc.so");
        assertThat(first).isRegularFile();
        assertThat(Files.size(first)).isGreaterThan(100_000);
        Files.setLastModifiedTime(first, FileTime.fromMillis(1_000_000));

        Path again = SqliteNative.extract(resource, dir.resolve("native"), "3.54-libsqlitejdbc.so");

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(1_000_000);
        assertThat(dir.resolve("native")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void aTruncatedCopyIsReplaced() throws Exception {
        String resource = SqliteNative.resource("Linux", "amd64").orElseThrow();
        Files.createDirectories(dir.resolve("native"));
        Files.write(dir.resolve("native/x-libsqlitejdbc.so"), new byte[1000]); // a power cut mid-copy, say

        Path copy = SqliteNative.extract(resource, dir.resolve("native"), "x-libsqlitejdbc.so");

        assertThat(Files.size(copy)).isGreaterThan(100_000);
    }
}
