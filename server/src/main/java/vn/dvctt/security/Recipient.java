package vn.dvctt.security;

/** Someone a notice goes to; {@code email} is null when the user gave none. */
public record Recipient(long userId, String username, String displayName, String email) {
}
