package vn.dvctt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

class ConsoleLogEncoderTest {

    private final LoggerContext context = new LoggerContext();

    ConsoleLogEncoderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private String encode(String format) {
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        ConsoleLogEncoder encoder = new ConsoleLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%level %logger - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("vn.dvctt.Test"), Level.INFO, "Xã Hoành Mô {}", null,
                new Object[] {"ok"});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void printsTheTextPatternWhenNoStructuredFormatIsSet() {
        assertThat(encode("")).isEqualTo("INFO vn.dvctt.Test - Xã Hoành Mô ok\n");
        assertThat(encode(null)).isEqualTo("INFO vn.dvctt.Test - Xã Hoành Mô ok\n");
    }

    @Test
    void printsOneJsonObjectPerLineInTheChosenFormat() {
        assertThat(encode("logstash")).startsWith("{").endsWith("}\n")
                .contains("\"message\":\"Xã Hoành Mô ok\"").contains("\"level\":\"INFO\"");
        assertThat(encode("ecs")).contains("\"ecs\":{\"version\"").contains("\"message\":\"Xã Hoành Mô ok\"");
    }
}
