package vn.dvctt.content;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, the form content is addressed and verified by. */
public final class Sha256 {

    /** Length of the lowercase hex form: 32 bytes, two characters each. */
    public static final int HEX_LENGTH = 64;

    private static final int BUFFER_SIZE = 64 * 1024;

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes the stream to its end through a fixed buffer, so a video of any size costs the same
     * memory. The stream is left open: the caller opened it and closes it.
     */
    public static String hex(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) != -1) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code s} is a SHA-256 in the wire form: exactly 64 lowercase hex digits. */
    public static boolean isHex(String s) {
        if (s == null || s.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code s} unchanged when it is a SHA-256 in the wire form.
     *
     * @throws IllegalArgumentException naming {@code what} and the rule
     */
    public static String requireHex(String s, String what) {
        if (!isHex(s)) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (SHA-256), got "
                    + (s == null ? "null" : "\"" + abbreviate(s) + "\""));
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** A fresh SHA-256 digest, for hashing a range piece by piece (the agent's read-back of a chunk). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256, so this is a broken runtime
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
