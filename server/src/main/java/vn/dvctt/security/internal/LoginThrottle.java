package vn.dvctt.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a username for a while after repeated wrong passwords. Counted in the database so that
 * every server instance behind the load balancer enforces the same limit.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private final LoginAttempts attempts;
    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;

    LoginThrottle(LoginAttempts attempts, @Value("${dvctt.security.login.max-failures:5}") int maxFailures,
                  @Value("${dvctt.security.login.lock-minutes:15}") int lockMinutes) {
        this.attempts = attempts;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = Clock.systemUTC();
    }

    /** Until when this username is locked, if it is. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return attempts.findById(key(username)).map(LoginAttempt::lockedUntil).filter(now::isBefore);
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = key(event.getAuthentication().getName());
        LoginAttempt attempt = attempts.findById(username).orElseGet(() -> new LoginAttempt(username));
        Instant now = clock.instant();
        // Failures older than one lock period no longer count towards the next lock.
        if (attempt.lastFailureAt() != null && attempt.lastFailureAt().plus(lock).isBefore(now)) {
            attempt = new LoginAttempt(username);
        }
        if (attempt.fail(now, maxFailures, lock)) {
            log.warn("Login locked for {} minutes after {} failed attempts", lock.toMinutes(), maxFailures);
        }
        attempts.save(attempt);
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        attempts.deleteById(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        String k = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return k.length() > 60 ? k.substring(0, 60) : k;
    }
}
