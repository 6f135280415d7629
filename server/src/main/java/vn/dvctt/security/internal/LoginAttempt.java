package vn.dvctt.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    @Id
    private String username;
    private int failures;
    @Column(name = "last_failure_at")
    private Instant lastFailureAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginAttempt() {
    }

    public LoginAttempt(String username) {
        this.username = username;
    }

    /** Counts a failure; locks once {@code maxFailures} is reached and returns whether it just locked. */
    boolean fail(Instant now, int maxFailures, java.time.Duration lock) {
        failures++;
        lastFailureAt = now;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lock);
            failures = 0;
            return true;
        }
        return false;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastFailureAt() {
        return lastFailureAt;
    }
}
