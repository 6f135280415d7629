package vn.dvctt.content;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A team member's PIN for the session runner, hashed on the server and checked on the agent, which
 * holds only the hash (synced in the {@link RunnerBrief}) and works offline. PBKDF2-HMAC-SHA256 from
 * the JDK, so neither side needs a library; the encoded form carries its parameters
 * ({@code pbkdf2-sha256$iterations$salt$hash}, Base64) so they can be raised later without breaking old
 * hashes. A 4-8 digit PIN is a lock for the cultural-house PC, not a password: the brief reaches only
 * the device's own topic.
 */
public final class PinHash {

    public static final String SCHEME = "pbkdf2-sha256";
    /** About 50-100 ms on an older village PC: noticeable to a brute force, not to a person. */
    public static final int ITERATIONS = 100_000;
    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 8;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private PinHash() {
    }

    /** Whether {@code pin} is 4 to 8 ASCII digits. */
    public static boolean isValidPin(CharSequence pin) {
        if (pin == null || pin.length() < MIN_DIGITS || pin.length() > MAX_DIGITS) {
            return false;
        }
        return pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public static String hash(CharSequence pin, SecureRandom random) {
        if (!isValidPin(pin)) {
            throw new IllegalArgumentException("a PIN is " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(pin, salt, ITERATIONS));
    }

    /** Checks the form of an encoded hash, so a bad brief is refused when it arrives, not at sign-in. */
    public static void requireEncoded(String encoded) {
        parse(encoded);
    }

    /** Constant-time comparison; false (never an exception) for a wrong or malformed PIN. */
    public static boolean matches(String encoded, CharSequence pin) {
        if (!isValidPin(pin)) {
            return false;
        }
        Parsed p = parse(encoded);
        return MessageDigest.isEqual(p.hash(), derive(pin, p.salt(), p.iterations()));
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("PIN hash must be " + SCHEME + "$iterations$salt$hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("PIN hash parameters out of range");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PIN hash is malformed: " + e.getMessage(), e);
        }
    }

    private static byte[] derive(CharSequence pin, byte[] salt, int iterations) {
        char[] chars = pin.toString().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }
}
