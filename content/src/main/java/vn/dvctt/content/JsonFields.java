package vn.dvctt.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to one parsed JSON object, so every payload reader reports problems the same
 * way: {@code <what> field "<name>" is missing | must be a string | ...}, where {@code what} names the
 * object, e.g. {@code manifest entries[2]}.
 */
final class JsonFields {

    private final String what;
    private final Map<String, Object> fields;

    JsonFields(String what, Map<String, Object> fields) {
        this.what = what;
        this.fields = fields;
    }

    /**
     * Reads {@code schemaVersion} before anything else, so a newer payload is reported as newer, not as
     * garbage, then rejects unknown fields.
     */
    static JsonFields versioned(String what, Map<String, Object> fields, int supportedVersion, Set<String> known) {
        JsonFields object = new JsonFields(what, fields);
        long version = object.integer("schemaVersion");
        if (version != supportedVersion) {
            throw new MalformedPayloadException("unsupported " + what + " schemaVersion " + version
                    + " (this build reads " + supportedVersion + ")");
        }
        object.onlyKnown(known);
        return object;
    }

    /**
     * Reads {@code schemaVersion} for a payload of which this build reads several versions
     * ({@code oldest} to {@code newest}); the caller then checks the fields of the version it got.
     */
    static int version(String what, Map<String, Object> fields, int oldest, int newest) {
        long version = new JsonFields(what, fields).integer("schemaVersion");
        if (version < oldest || version > newest) {
            throw new MalformedPayloadException("unsupported " + what + " schemaVersion " + version
                    + " (this build reads " + oldest + " to " + newest + ")");
        }
        return (int) version;
    }

    JsonFields onlyKnown(Set<String> known) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new MalformedPayloadException("unknown " + what + " field(s) " + unknown);
        }
        return this;
    }

    String string(String name) {
        if (!(present(name) instanceof String s)) {
            throw wrongType(name, "a string");
        }
        return s;
    }

    long integer(String name) {
        if (!(present(name) instanceof Long l)) {
            throw wrongType(name, "an integer");
        }
        return l;
    }

    int int32(String name) {
        long value = integer(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedPayloadException(what + " field \"" + name + "\" is out of range: " + value);
        }
        return (int) value;
    }

    OptionalLong optionalInteger(String name) {
        return fields.containsKey(name) ? OptionalLong.of(integer(name)) : OptionalLong.empty();
    }

    /** The string, or null when the field is absent (JSON null itself is never accepted). */
    String optionalString(String name) {
        return fields.containsKey(name) ? string(name) : null;
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        return fields.containsKey(name) ? enumValue(name, type) : null;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("unknown " + what + " " + name + " \"" + value + "\"", e);
        }
    }

    @SuppressWarnings("unchecked")
    JsonFields object(String name) {
        if (!(present(name) instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object");
        }
        return new JsonFields(what + " " + name, (Map<String, Object>) map);
    }

    /** Every element of an array of objects, named {@code <what> <name>[i]} in messages. */
    @SuppressWarnings("unchecked")
    List<JsonFields> objects(String name) {
        List<Object> values = array(name);
        List<JsonFields> objects = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof Map<?, ?> map)) {
                throw new MalformedPayloadException(what + " " + name + "[" + i + "] must be an object");
            }
            objects.add(new JsonFields(what + " " + name + "[" + i + "]", (Map<String, Object>) map));
        }
        return objects;
    }

    List<String> strings(String name) {
        List<Object> values = array(name);
        List<String> strings = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String s)) {
                throw new MalformedPayloadException(what + " " + name + "[" + i + "] must be a string");
            }
            strings.add(s);
        }
        return strings;
    }

    /** The name used in messages, for callers wrapping a record's own validation. */
    String what() {
        return what;
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(String name) {
        if (!(present(name) instanceof List<?> list)) {
            throw wrongType(name, "an array");
        }
        return (List<Object>) list;
    }

    private Object present(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new MalformedPayloadException(what + " field \"" + name + "\" is missing");
        }
        return value;
    }

    private MalformedPayloadException wrongType(String name, String type) {
        return new MalformedPayloadException(what + " field \"" + name + "\" must be " + type);
    }
}
