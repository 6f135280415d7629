package vn.dvctt.ops;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console encoder of dvctt-logback.xml: Boot's text pattern, or Boot's structured JSON
 * ({@code ecs}, {@code logstash}, {@code gelf} or a formatter class) when
 * {@code logging.structured.format.console} is set. Boot does this switch itself only for its built-in
 * configuration; ours (needed because HiveMQ CE ships a logback.xml) would otherwise always print text.
 * One appender whose encoder chooses, so logback warns about no unused appender at start-up.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format;
    private String pattern;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format == null || format.isBlank()) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        } else {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(format.trim());
            json.setCharset(charset);
            delegate = json;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
