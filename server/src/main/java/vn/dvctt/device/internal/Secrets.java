package vn.dvctt.device.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Enrollment codes, device passwords and device id suffixes: all from one SecureRandom. */
public final class Secrets {

    /** Crockford's base32 without I, L, O, U: read aloud and typed without confusion. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    /** 20 characters of 32 = 100 bits: guessing a live code online is hopeless, so no lockout is needed. */
    public static final int CODE_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** E.g. {@code K7QM-4XRT-9WPL-2HDC-8FNB}. */
    public static String enrollmentCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + 4);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** 192 bits, URL-safe: typed by no one, stored only by the agent. */
    public static String devicePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String idSuffix(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return s.toString();
    }

    /**
     * A plain SHA-256 is enough for codes: they carry 100 random bits, so no dictionary exists to slow
     * down, and the lookup by hash must be an index seek.
     */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
