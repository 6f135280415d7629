package vn.dvctt.content;

import java.util.regex.Pattern;

/**
 * The one rule for device ids, shared by server and agent. An id is embedded verbatim as a topic
 * level, so it must never contain MQTT wildcards ({@code +}, {@code #}) or the level separator
 * ({@code /}); the conservative alphabet also keeps it safe as a client id, file name and URL part.
 */
public final class DeviceIds {

    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1," + MAX_LENGTH + "}");

    private DeviceIds() {
    }

    public static boolean isValid(String deviceId) {
        return deviceId != null && VALID.matcher(deviceId).matches();
    }

    /**
     * Returns the id unchanged when valid.
     *
     * @throws IllegalArgumentException naming the rule the id breaks
     */
    public static String requireValid(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            throw new IllegalArgumentException("device id must not be empty");
        }
        if (deviceId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("device id must be at most " + MAX_LENGTH
                    + " characters, got " + deviceId.length());
        }
        if (!VALID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("device id may contain only A-Z, a-z, 0-9 and '-', got \""
                    + deviceId + "\"");
        }
        return deviceId;
    }
}
