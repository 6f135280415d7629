package vn.dvctt.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.support.Fixture;

/** The test profile locks after 3 failures (production: 5) for 1 minute. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class LoginThrottleIT {

    @Autowired
    Fixture fixture;
    @Autowired
    AuthenticationConfiguration authConfig;
    AuthenticationManager auth;

    @BeforeEach
    void setUp() throws Exception {
        fixture.load();
        auth = authConfig.getAuthenticationManager();
    }

    @Test
    void theRightPasswordSignsIn() {
        assertThat(auth.authenticate(token("qn.leader", fixture.password("qn.leader"))).isAuthenticated()).isTrue();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> auth.authenticate(token("qn.leader", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> auth.authenticate(token("QN.Leader", fixture.password("qn.leader"))))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> auth.authenticate(token("qn.leader", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        auth.authenticate(token("qn.leader", fixture.password("qn.leader")));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> auth.authenticate(token("qn.leader", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(auth.authenticate(token("qn.leader", fixture.password("qn.leader"))).isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledUserCannotSignIn() {
        long id = fixture.as("qn.admin", () -> fixture.userId("qn.leader"));
        fixture.as("qn.admin", () -> users.setEnabled(id, false));
        assertThatThrownBy(() -> auth.authenticate(token("qn.leader", fixture.password("qn.leader"))))
                .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
    }

    @Autowired
    UserService users;

    private static UsernamePasswordAuthenticationToken token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
