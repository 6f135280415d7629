package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger jul = Logger.getLogger(LogTest.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        jul.addHandler(capture);
    }

    @AfterEach
    void release() {
        jul.removeHandler(capture);
    }

    @Test
    void placeholdersTakeTheArgumentsInOrderAndExtraOnesAreLeftOut() {
        Log.of(LogTest.class).info("Chunk {} of {} timed out", 7, "abc", "extra");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).isEqualTo("Chunk 7 of abc timed out");
            assertThat(r.getThrown()).isNull();
            assertThat(r.getLoggerName()).isEqualTo(LogTest.class.getName());
        });
    }

    @Test
    void aThrowableAfterThePlaceholdersIsLoggedWithItsTrace() {
        IllegalStateException failure = new IllegalStateException("disk full");
        Log.of(LogTest.class).error("Cannot write chunk {}", 3, failure);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).isEqualTo("Cannot write chunk 3");
            assertThat(r.getThrown()).isSameAs(failure);
        });
    }

    @Test
    void aThrowableAPlaceholderTakesIsPrintedNotAttached() {
        Log.of(LogTest.class).warn("Lost connection ({})", new java.io.IOException("reset"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).isEqualTo("Lost connection (java.io.IOException: reset)");
            assertThat(r.getThrown()).isNull();
        });
    }

    @Test
    void debugIsOffAtTheAgentsDefaultLevel() {
        Log.of(LogTest.class).debug("not shown {}", 1);
        assertThat(records).isEmpty();
    }

    @Test
    void fewerArgumentsThanPlaceholdersLeaveTheRestAsWritten() {
        assertThat(Log.format("a {} b {}", new Object[] {1}, 1)).isEqualTo("a 1 b {}");
    }
}
