package vn.dvctt.security;

import java.security.SecureRandom;

/** Passwords read aloud over the phone to a commune officer: no look-alike characters (0/O, 1/l/I). */
public final class PasswordGenerator {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    /** 14 characters from 56: about 81 bits. */
    public static String generate() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
