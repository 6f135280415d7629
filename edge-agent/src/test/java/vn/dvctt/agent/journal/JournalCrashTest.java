package vn.dvctt.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.content.AgentEvent;

/**
 * A child JVM journals events as fast as it can and prints each id once {@link Journal#append} returned,
 * which is when the page would confirm it; it is killed (SIGKILL) mid-stream. Every printed id must be in
 * the journal, the file must pass SQLite's integrity check, and the next append must carry on the seq.
 */
class JournalCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyConfirmedEventSurvivesAKillDashNineAndTheJournalOpensCleanly() throws Exception {
        List<String> confirmed = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            confirmed.addAll(writeUntilKilled(150 + round * 70));
        }

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal/journal.db"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (Journal journal = Journal.openIn(dir, Clock.systemUTC())) {
            assertThat(confirmed).hasSizeGreaterThan(300);
            for (String id : confirmed) {
                assertThat(journal.entry(id)).as("confirmed event %s", id).isPresent();
            }
            List<AgentEvent> all = journal.pendingAfter(0, Integer.MAX_VALUE);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).seq()).as("seq without gaps").isEqualTo(i + 1);
            }
            AgentEvent next = journal.append(AgentEvent.newId(), "m", new AgentEvent.SessionStarted(null, "after"));
            assertThat(next.seq()).isEqualTo(all.size() + 1);
        }
    }

    /** Starts a writer, kills it once it has confirmed {@code atLeast} events, returns the ids it confirmed. */
    private List<String> writeUntilKilled(int atLeast) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWriter.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> ids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                ids.add(line.trim());
                if (ids.size() == atLeast) {
                    // the handle, not the Process: Process.destroy also closes the pipe we still read confirmed ids from
                    writer.toHandle().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                }
            }
        }
        assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(ids.size()).as("the writer was killed while writing").isGreaterThanOrEqualTo(atLeast);
        return ids;
    }

    /** The child: appends without end, printing each id after its commit. */
    public static final class JournalWriter {
        public static void main(String[] args) {
            Journal journal = Journal.openIn(Path.of(args[0]), Clock.systemUTC());
            String session = AgentEvent.newId();
            System.out.println(journal.append(session, "m", new AgentEvent.SessionStarted(null, "crash")).id());
            while (true) {
                AgentEvent e = journal.append(session, "m", new AgentEvent.AttendanceChanged(1, null, null));
                System.out.println(e.id());
                System.out.flush();
            }
        }
    }
}
