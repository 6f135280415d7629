package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code cds} command, as the service runs it before each start. */
class CdsArchiveIT {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void buildsAnArchiveTheJvmAcceptsForTheJarAndRebuildsItOnlyWhenTheJarChanges() throws Exception {
        Path jar = dir.resolve("dvctt-edge-agent.jar");
        Files.copy(Path.of("target/dvctt-edge-agent.jar"), jar);
        Path archive = dir.resolve("data/agent.jsa");

        Run built = java("-jar", jar.toString(), "cds", archive.toString());
        assertThat(built.exit()).as(built.output()).isZero();
        assertThat(built.output()).contains("built");
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(4L * 1024 * 1024);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.{classlist,new}");

        // -Xshare:on makes the JVM fail instead of falling back if it cannot map the archive for this jar;
        // with no config file the agent then stops with its own exit code 2
        Run mapped = java("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=info", "-jar", jar.toString(),
                dir.resolve("missing.properties").toString());
        assertThat(mapped.output()).doesNotContain("Unable to use shared archive").contains("Mapped static");
        assertThat(mapped.exit()).as(mapped.output()).isEqualTo(2);

        FileTime first = Files.getLastModifiedTime(archive);
        Run again = java("-jar", jar.toString(), "cds", archive.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("is current");
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(first);

        // an upgrade: another jar at the same path; the old archive would be refused by the JVM
        Files.copy(Path.of("target/dvctt-edge-agent.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = java("-jar", jar.toString(), "cds", archive.toString());
        assertThat(rebuilt.exit()).as(rebuilt.output()).isZero();
        assertThat(rebuilt.output()).contains("built");
        Run remapped = java("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(),
                dir.resolve("missing.properties").toString());
        assertThat(remapped.exit()).as(remapped.output()).isEqualTo(2);
    }

    @Test
    void wrongUsageSaysHowToCallIt() throws Exception {
        Run run = java("-jar", "target/dvctt-edge-agent.jar", "cds");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("usage: java -jar dvctt-edge-agent.jar cds <archive file");
    }
}
