package vn.dvctt.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The agent logs onto java.util.logging ({@link Log}), which the JDK already carries:
 * a rolling file of 5 files × 2 MB in {@code log.dir} (a village PC has no journald and nobody to
 * empty a growing log) plus the console for a service manager.
 */
public final class AgentLogging {

    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    private AgentLogging() {
    }

    public static void configure(Path logDir) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.INFO);
        Formatter formatter = new LineFormatter();
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(formatter);
        root.addHandler(console);
        try {
            Files.createDirectories(logDir);
            FileHandler file = new FileHandler(logDir.resolve("agent-%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            file.setEncoding("UTF-8");
            file.setFormatter(formatter);
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            root.warning("No log file in " + logDir.toAbsolutePath() + " (" + e + "); logging to the console only");
        }
    }

    /** {@code 2025-06-01T22:00:01.234+0700 INFO SyncEngine - message}. */
    static final class LineFormatter extends Formatter {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            StringBuilder line = new StringBuilder(128)
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(name.substring(name.lastIndexOf('.') + 1)).append(" - ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
