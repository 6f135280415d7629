package vn.dvctt.content;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A team member's PIN for the session runner, hashed on the server and checked on the agent, which
 * holds only the hash (synced in the {@link RunnerBrief}) and works offline. PBKDF2-HMAC-SHA256 on the
 * JDK's SHA-256, so neither side needs a library; the encoded form carries its parameters
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
    private static final int BLOCK_BYTES = 64; // SHA-256's block, HMAC's key size

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

    /**
     * PBKDF2-HMAC-SHA256 (RFC 8018) of one 32-byte block, on {@link MessageDigest} alone: the JDK's
     * {@code SecretKeyFactory} would first load every security provider in turn to find SunJCE (PKCS#11,
     * smart cards, elliptic curves, the JCE policy files: ~80 classes, ~0.6 MB of the agent's memory).
     * The tests check it against the JDK's own implementation and RFC 7914's vectors.
     */
    static byte[] derive(CharSequence pin, byte[] salt, int iterations) {
        byte[] key = pin.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageDigest sha = Sha256.newDigest();
        if (key.length > BLOCK_BYTES) {
            key = sha.digest(key);
        }
        byte[] ipad = new byte[BLOCK_BYTES];
        byte[] opad = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        java.util.Arrays.fill(key, (byte) 0);
        MessageDigest inner = Sha256.newDigest();
        MessageDigest outer = Sha256.newDigest();
        inner.update(ipad);
        outer.update(opad);
        try {
            // U1 = HMAC(pin, salt || INT(1)); Ui = HMAC(pin, Ui-1); the result is U1 ^ U2 ^ ... ^ Uc
            byte[] u = hmac(inner, outer, salt, new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = hmac(inner, outer, u, null);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    /** HMAC from the digests already fed the padded key, cloned so each call costs two compressions. */
    private static byte[] hmac(MessageDigest keyedInner, MessageDigest keyedOuter, byte[] message, byte[] more)
            throws CloneNotSupportedException {
        MessageDigest inner = (MessageDigest) keyedInner.clone();
        inner.update(message);
        if (more != null) {
            inner.update(more);
        }
        MessageDigest outer = (MessageDigest) keyedOuter.clone();
        outer.update(inner.digest());
        return outer.digest();
    }
}
