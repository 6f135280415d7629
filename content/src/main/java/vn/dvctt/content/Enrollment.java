package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one HTTP exchange of a device outside MQTT: the agent trades a one-time enrollment code for its
 * own broker credentials with {@code POST} {@link #PATH} (JSON {@link Request} → {@link Response}, or a
 * {@link Refusal} with a 4xx/5xx status). It is HTTP, not MQTT, because the device has no broker
 * account yet; everything after it goes over the device's own MQTT connection.
 */
public final class Enrollment {

    public static final String PATH = "/api/device/enroll";
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 4096;
    /** Codes are typed by people: letters and digits, dashes and spaces are ignored, case too. */
    public static final int MAX_CODE_LENGTH = 64;

    private Enrollment() {
    }

    /**
     * The code as the server hashes and compares it: upper case, without the dashes and spaces people
     * type or a QR code carries for readability.
     */
    public static String normalizeCode(String code) {
        Objects.requireNonNull(code, "code");
        String compact = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.isEmpty() || compact.length() > MAX_CODE_LENGTH || !compact.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException("an enrollment code is 1 to " + MAX_CODE_LENGTH
                    + " letters and digits (dashes and spaces ignored)");
        }
        return compact;
    }

    /** What the agent sends: the code exactly as the person typed it (the server normalizes it). */
    public record Request(int schemaVersion, String code) {

        private static final Set<String> FIELDS = Set.of("schemaVersion", "code");

        public Request {
            requireVersion(schemaVersion);
            if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
                throw new IllegalArgumentException("code must be 1 to " + MAX_CODE_LENGTH + " characters");
            }
        }

        public static Request of(String code) {
            return new Request(SCHEMA_VERSION, code);
        }

        public String toJson() {
            return StrictJson.object().field("schemaVersion", schemaVersion).field("code", code).end();
        }

        public byte[] toPayload() {
            return toJson().getBytes(StandardCharsets.UTF_8);
        }

        /** @throws MalformedPayloadException naming what is wrong */
        public static Request fromPayload(byte[] payload) {
            JsonFields f = JsonFields.versioned("enrollment request",
                    StrictJson.parseFlat(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "enrollment request")),
                    SCHEMA_VERSION, FIELDS);
            String code = f.string("code");
            try {
                return new Request(SCHEMA_VERSION, code);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException("invalid enrollment request: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The device's own credentials, shown exactly once. {@code username} is the device id today; it is a
     * separate field so that brokers with another naming rule need no schema change.
     *
     * @param brokerUrl where the agent connects, e.g. {@code ssl://mqtt.example:8883}
     */
    public record Response(int schemaVersion, String deviceId, String username, String password, String brokerUrl) {

        private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "username", "password",
                "brokerUrl");

        public Response {
            requireVersion(schemaVersion);
            DeviceIds.requireValid(deviceId);
            ManifestEntry.requireText(username, "username", 128);
            ManifestEntry.requireText(password, "password", 256);
            ManifestEntry.requireText(brokerUrl, "brokerUrl", 512);
        }

        public static Response of(String deviceId, String username, String password, String brokerUrl) {
            return new Response(SCHEMA_VERSION, deviceId, username, password, brokerUrl);
        }

        public String toJson() {
            return StrictJson.object()
                    .field("schemaVersion", schemaVersion)
                    .field("deviceId", deviceId)
                    .field("username", username)
                    .field("password", password)
                    .field("brokerUrl", brokerUrl)
                    .end();
        }

        public byte[] toPayload() {
            return toJson().getBytes(StandardCharsets.UTF_8);
        }

        /** @throws MalformedPayloadException naming what is wrong */
        public static Response fromPayload(byte[] payload) {
            JsonFields f = JsonFields.versioned("enrollment response",
                    StrictJson.parseFlat(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "enrollment response")),
                    SCHEMA_VERSION, FIELDS);
            String deviceId = f.string("deviceId");
            String username = f.string("username");
            String password = f.string("password");
            String brokerUrl = f.string("brokerUrl");
            try {
                return new Response(SCHEMA_VERSION, deviceId, username, password, brokerUrl);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException("invalid enrollment response: " + e.getMessage(), e);
            }
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Enrollment.Response[deviceId=" + deviceId + ", username=" + username + ", brokerUrl=" + brokerUrl
                    + "]";
        }
    }

    /** Why a code was refused; the agent prints {@code message}, scripts branch on {@code reason}. */
    public enum Reason {
        /** Not well-formed JSON or not a code. */
        MALFORMED,
        /** No device has this code (mistyped, or replaced by a newer code). */
        UNKNOWN_CODE,
        /** The code was already exchanged once; ask the organizer to re-enrol the device. */
        USED,
        /** The code's validity ran out; ask the organizer for a new one. */
        EXPIRED,
        /** The device was revoked. */
        REVOKED,
        /** The server could not give the broker the new account; try again later. */
        UNAVAILABLE
    }

    public record Refusal(int schemaVersion, Reason reason, String message) {

        private static final Set<String> FIELDS = Set.of("schemaVersion", "reason", "message");

        public Refusal {
            requireVersion(schemaVersion);
            Objects.requireNonNull(reason, "reason");
            ManifestEntry.requireText(message, "message", 1000);
        }

        public static Refusal of(Reason reason, String message) {
            return new Refusal(SCHEMA_VERSION, reason, message);
        }

        public String toJson() {
            return StrictJson.object()
                    .field("schemaVersion", schemaVersion)
                    .field("reason", reason.name())
                    .field("message", message)
                    .end();
        }

        public byte[] toPayload() {
            return toJson().getBytes(StandardCharsets.UTF_8);
        }

        /** @throws MalformedPayloadException naming what is wrong */
        public static Refusal fromPayload(byte[] payload) {
            JsonFields f = JsonFields.versioned("enrollment refusal",
                    StrictJson.parseFlat(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "enrollment refusal")),
                    SCHEMA_VERSION, FIELDS);
            Reason reason = f.enumValue("reason", Reason.class);
            String message = f.string("message");
            try {
                return new Refusal(SCHEMA_VERSION, reason, message);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException("invalid enrollment refusal: " + e.getMessage(), e);
            }
        }
    }

    private static void requireVersion(int schemaVersion) {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
    }
}
