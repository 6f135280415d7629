package vn.dvctt.agent;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The agent's logger: SLF4J's {@code {}} placeholders, written to {@code java.util.logging}, which the
 * agent configures ({@link AgentLogging}) and Paho and sqlite-jdbc log to already. A facade library
 * and its JUL binding would add ~40 classes to a process that counts its megabytes (decision 0003).
 */
public final class Log {

    private final Logger logger;

    private Log(Logger logger) {
        this.logger = logger;
    }

    public static Log of(Class<?> owner) {
        return new Log(Logger.getLogger(owner.getName()));
    }

    public void debug(String message, Object... args) {
        log(Level.FINE, message, args);
    }

    public void info(String message, Object... args) {
        log(Level.INFO, message, args);
    }

    public void warn(String message, Object... args) {
        log(Level.WARNING, message, args);
    }

    public void error(String message, Object... args) {
        log(Level.SEVERE, message, args);
    }

    private void log(Level level, String message, Object[] args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        // as SLF4J: a Throwable after the last argument a placeholder takes is logged with its stack trace
        int placeholders = count(message);
        Throwable thrown = args.length > placeholders && args[args.length - 1] instanceof Throwable t ? t : null;
        LogRecord record = new LogRecord(level, format(message, args, thrown == null ? args.length : args.length - 1));
        record.setLoggerName(logger.getName());
        record.setSourceClassName(logger.getName()); // set, so JUL does not walk the stack to find it
        record.setSourceMethodName("");
        record.setThrown(thrown);
        logger.log(record);
    }

    static String format(String message, Object[] args, int usable) {
        if (message == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(message.length() + 32);
        int from = 0;
        int arg = 0;
        for (int at = message.indexOf("{}"); at >= 0 && arg < usable; at = message.indexOf("{}", from)) {
            out.append(message, from, at).append(args[arg++]);
            from = at + 2;
        }
        return out.append(message, from, message.length()).toString();
    }

    private static int count(String message) {
        int n = 0;
        for (int at = message == null ? -1 : message.indexOf("{}"); at >= 0; at = message.indexOf("{}", at + 2)) {
            n++;
        }
        return n;
    }
}
