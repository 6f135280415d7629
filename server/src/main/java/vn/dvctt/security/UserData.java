package vn.dvctt.security;

/**
 * A user as the management view shows him: never his password hash. {@code manageable}: whether
 * the caller may disable him or give him a new password.
 */
public record UserData(long id, String username, String displayName, Role role, boolean enabled, String unitCode,
                       String unitName, boolean manageable, String email) {
}
