package vn.dvctt.security;

/** A new user with his one-time generated password, shown once to whoever created him. */
public record CreatedUser(UserData user, String initialPassword) {
}
