package vn.dvctt.agent.runner;

import java.util.HashMap;
import java.util.Map;

/**
 * Just enough JSON for the runner page: a writer, and a reader of the flat objects the page posts
 * (strings, numbers, booleans, null). No library: the agent jar and its heap stay small.
 */
final class Json {

    private Json() {
    }

    /** Appends fields and values with commas in the right places. */
    static final class Writer {
        private final StringBuilder out = new StringBuilder(256);
        private boolean first = true;

        Writer begin() {
            comma();
            out.append('{');
            first = true;
            return this;
        }

        Writer end() {
            out.append('}');
            first = false;
            return this;
        }

        Writer beginArray(String name) {
            name(name);
            out.append('[');
            first = true;
            return this;
        }

        Writer beginArray() {
            comma();
            out.append('[');
            first = true;
            return this;
        }

        Writer endArray() {
            out.append(']');
            first = false;
            return this;
        }

        Writer beginObject(String name) {
            name(name);
            out.append('{');
            first = true;
            return this;
        }

        Writer field(String name, String value) {
            name(name);
            string(value);
            first = false;
            return this;
        }

        Writer field(String name, long value) {
            name(name);
            out.append(value);
            first = false;
            return this;
        }

        Writer field(String name, boolean value) {
            name(name);
            out.append(value);
            first = false;
            return this;
        }

        Writer value(String value) {
            comma();
            string(value);
            first = false;
            return this;
        }

        private void name(String name) {
            comma();
            string(name);
            out.append(':');
            first = true; // the value follows without a comma
        }

        private void comma() {
            if (!first) {
                out.append(',');
            }
            first = false;
        }

        private void string(String value) {
            if (value == null) {
                out.append("null");
                return;
            }
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    // < and > escaped so a name can never close a script element if embedded in HTML
                    case '<' -> out.append("\\u003c");
                    case '>' -> out.append("\\u003e");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    static Writer writer() {
        return new Writer();
    }

    /** Reads one flat JSON object; nested values are refused. @throws IllegalArgumentException if malformed */
    static Map<String, Object> parseFlat(String json) {
        Reader r = new Reader(json);
        Map<String, Object> fields = new HashMap<>();
        r.skip();
        r.expect('{');
        r.skip();
        if (r.peek() == '}') {
            r.pos++;
        } else {
            while (true) {
                r.skip();
                String name = r.string();
                r.skip();
                r.expect(':');
                r.skip();
                if (fields.put(name, r.value()) != null) {
                    throw new IllegalArgumentException("field \"" + name + "\" appears twice");
                }
                r.skip();
                char c = r.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected ',' or '}' at " + (r.pos - 1));
                }
            }
        }
        r.skip();
        if (r.pos != json.length()) {
            throw new IllegalArgumentException("trailing characters after the object");
        }
        return fields;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
            }
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            int start = pos;
            while (pos < s.length() && "-0123456789".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos || pos - start > 18) {
                throw new IllegalArgumentException("expected a string, a whole number, true, false or null at " + start);
            }
            return Long.parseLong(s.substring(start, pos));
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw new IllegalArgumentException("bad \\u escape");
                            }
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape \\" + e);
                    }
                } else if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string");
                } else {
                    out.append(c);
                }
            }
        }
    }
}
