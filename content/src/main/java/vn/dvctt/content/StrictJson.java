package vn.dvctt.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writer and strict reader for the JSON subset the device payloads use: objects, arrays, strings
 * and integers. Hand-written so the contract module carries no JSON library into the agent (see
 * docs/decisions/0002); anything outside that subset (booleans, null, fractions, exponents,
 * duplicate keys, trailing content, nesting deeper than the caller allows) is rejected rather than
 * guessed at. Flat payloads ({@link #parseFlat}) reject nesting at the offset where it starts.
 */
final class StrictJson {

    /** Deep enough for every payload (manifest, entry, chunk list); bounds the reader's recursion. */
    static final int MAX_DEPTH = 4;

    private StrictJson() {
    }

    /** Builds one object; fields are written in the order they are added, so encodings are stable. */
    static final class Writer {

        private final StringBuilder out;
        private boolean first = true;

        private Writer(StringBuilder out) {
            this.out = out;
            out.append('{');
        }

        Writer field(String name, String value) {
            key(name);
            writeString(value);
            return this;
        }

        Writer field(String name, long value) {
            key(name);
            out.append(value);
            return this;
        }

        /** A nested object written by {@code body}. */
        Writer object(String name, Consumer<Writer> body) {
            key(name);
            body.accept(new Writer(out));
            out.append('}');
            return this;
        }

        /** An array of objects, one per item, each written by {@code body}. */
        <T> Writer objects(String name, List<T> items, BiConsumer<Writer, T> body) {
            key(name);
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Writer element = new Writer(out);
                body.accept(element, items.get(i));
                out.append('}');
            }
            out.append(']');
            return this;
        }

        Writer strings(String name, List<String> values) {
            key(name);
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(values.get(i));
            }
            out.append(']');
            return this;
        }

        /** Closes the top-level object and returns the text; call once, on the writer from {@link #object()}. */
        String end() {
            return out.append('}').toString();
        }

        private void key(String name) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(name);
            out.append(':');
        }

        private void writeString(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || isLoneSurrogate(s, i)) {
                            // a lone surrogate cannot be written as UTF-8; escaping it keeps the round trip exact
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private static boolean isLoneSurrogate(String s, int i) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
            }
            return false;
        }
    }

    static Writer object() {
        return new Writer(new StringBuilder());
    }

    /**
     * Refuses a payload over {@code maxBytes} before looking inside it, then decodes it as strict UTF-8.
     *
     * @param what names the payload in the message, e.g. {@code "manifest"}
     */
    static String utf8(byte[] payload, int maxBytes, String what) {
        if (payload == null) {
            throw new MalformedPayloadException(what + " payload is null");
        }
        if (payload.length > maxBytes) {
            throw new MalformedPayloadException(what + " payload is " + payload.length + " bytes, more than the "
                    + maxBytes + " allowed");
        }
        return utf8(payload);
    }

    /** Decodes strict UTF-8; a replacement character silently standing in for bad bytes would hide corruption. */
    static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("payload is not valid UTF-8", e);
        }
    }

    /**
     * Parses one flat object. Values are {@link String} or {@link Long}.
     *
     * @throws MalformedPayloadException with the offset of the first problem
     */
    static Map<String, Object> parseFlat(String json) {
        return parse(json, 1);
    }

    /**
     * Parses one object nested at most {@code maxDepth} levels (the top object is level 1). Values are
     * {@link String}, {@link Long}, {@code Map<String, Object>} (in document order) or {@code List<Object>}.
     *
     * @throws MalformedPayloadException with the offset of the first problem
     */
    static Map<String, Object> parse(String json, int maxDepth) {
        if (json == null) {
            throw new MalformedPayloadException("payload is null");
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be 1.." + MAX_DEPTH + ", got " + maxDepth);
        }
        Reader reader = new Reader(json, maxDepth);
        reader.skipWhitespace();
        Map<String, Object> object = reader.readObject(1);
        reader.skipWhitespace();
        if (reader.pos != json.length()) {
            throw reader.error("unexpected content after the object");
        }
        return object;
    }

    private static final class Reader {

        private final String in;
        private final int maxDepth;
        private int pos;

        Reader(String in, int maxDepth) {
            this.in = in;
            this.maxDepth = maxDepth;
        }

        Map<String, Object> readObject(int depth) {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipWhitespace();
                    if (peek() != '"') {
                        throw error("expected a field name");
                    }
                    int keyAt = pos;
                    String key = readString();
                    skipWhitespace();
                    expect(':');
                    skipWhitespace();
                    Object value = readValue(depth);
                    if (fields.put(key, value) != null) {
                        throw new MalformedPayloadException("duplicate field \"" + key + "\" at offset " + keyAt);
                    }
                    skipWhitespace();
                    char c = next("',' or '}'");
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        pos--;
                        throw error("expected ',' or '}'");
                    }
                }
            }
            return fields;
        }

        private List<Object> readArray(int depth) {
            List<Object> values = new ArrayList<>();
            expect('[');
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return values;
            }
            while (true) {
                skipWhitespace();
                values.add(readValue(depth));
                skipWhitespace();
                char c = next("',' or ']'");
                if (c == ']') {
                    return values;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        /** Reads a value inside a container at {@code depth}; a nested container is one level deeper. */
        private Object readValue(int depth) {
            char c = peek();
            if (c == '"') {
                return readString();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return readInteger();
            }
            boolean container = c == '{' || c == '[';
            if (!container || depth >= maxDepth) {
                throw error(maxDepth == 1 ? "expected a string or an integer"
                        : container ? "nested deeper than " + maxDepth + " levels"
                        : "expected a string, an integer, an object or an array");
            }
            return c == '{' ? readObject(depth + 1) : readArray(depth + 1);
        }

        private long readInteger() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (peek() >= '1' && peek() <= '9') {
                while (peek() >= '0' && peek() <= '9') {
                    pos++;
                }
            } else {
                throw error("expected a digit");
            }
            char after = peek();
            if (after == '.' || after == 'e' || after == 'E' || (after >= '0' && after <= '9')) {
                throw error("only integers without leading zeros, fractions or exponents are allowed");
            }
            try {
                return Long.parseLong(in.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new MalformedPayloadException("integer out of range at offset " + start, e);
            }
        }

        private String readString() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = next("closing '\"'");
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character must be escaped");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = next("escape character");
                switch (e) {
                    case '"' -> s.append('"');
                    case '\\' -> s.append('\\');
                    case '/' -> s.append('/');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> s.append(readHex4());
                    default -> {
                        pos--;
                        throw error("unknown escape '\\" + e + "'");
                    }
                }
            }
        }

        private char readHex4() {
            if (pos + 4 > in.length()) {
                throw error("expected four hex digits");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(in.charAt(pos), 16);
                if (digit < 0) {
                    throw error("expected four hex digits");
                }
                value = value * 16 + digit;
                pos++;
            }
            return (char) value;
        }

        void skipWhitespace() {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw error("expected '" + wanted + "'");
            }
            pos++;
        }

        /** The current character, or NUL at the end; NUL never matches anything the grammar wants. */
        private char peek() {
            return pos < in.length() ? in.charAt(pos) : '\0';
        }

        private char next(String wanted) {
            if (pos >= in.length()) {
                throw error("unexpected end of input, expected " + wanted);
            }
            return in.charAt(pos++);
        }

        MalformedPayloadException error(String problem) {
            return new MalformedPayloadException("malformed JSON at offset " + pos + ": " + problem);
        }
    }
}
