package vn.dvctt.device.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.EnrollmentRefusedException;

/**
 * {@code POST /api/device/enroll}: the one door a device without credentials may knock on. The code
 * is its only proof; 100 random bits make guessing hopeless, so attempts are not throttled per address
 * (a throttle would also shut out a whole commune behind one NAT). Serve it over HTTPS in production:
 * the answer carries the device's password.
 */
@RestController
class EnrollmentEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentEndpoint.class);
    private final DeviceService devices;

    EnrollmentEndpoint(DeviceService devices) {
        this.devices = devices;
    }

    @PostMapping(path = Enrollment.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> enroll(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Enrollment.Request enrollment;
        try {
            enrollment = Enrollment.Request.fromPayload(body == null ? new byte[0] : body);
        } catch (MalformedPayloadException e) {
            return refuse(HttpStatus.BAD_REQUEST, Enrollment.Reason.MALFORMED, e.getMessage());
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(devices.enroll(enrollment.code(), request.getServerName()).toPayload());
        } catch (EnrollmentRefusedException e) {
            log.info("Enrollment from {} refused: {}", request.getRemoteAddr(), e.reason());
            HttpStatus status = e.reason() == Enrollment.Reason.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
            return refuse(status, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Enrollment failed: {}", e.toString());
            return refuse(HttpStatus.SERVICE_UNAVAILABLE, Enrollment.Reason.UNAVAILABLE,
                    "The server could not set up the device's broker account; try again in a minute");
        }
    }

    private static ResponseEntity<byte[]> refuse(HttpStatus status, Enrollment.Reason reason, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Enrollment.Refusal.of(reason, message).toPayload());
    }

    /**
     * Its own filter chain, ahead of Vaadin's, matching this one path only: no login, no session, no
     * CSRF token (a device has neither cookie nor page); every other path keeps Vaadin's security.
     */
    @Configuration
    static class EnrollmentSecurity {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain deviceEnrollmentChain(HttpSecurity http) throws Exception {
            http.securityMatcher(Enrollment.PATH)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable());
            return http.build();
        }
    }
}
