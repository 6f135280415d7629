package vn.dvctt.security.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LoginAttempts extends JpaRepository<LoginAttempt, String> {
}
