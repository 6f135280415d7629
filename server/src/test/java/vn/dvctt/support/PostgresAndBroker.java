package vn.dvctt.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against a real PostgreSQL and a real MQTT broker (the production set-up),
 * found by {@link RealServices}. Skipped when they cannot be found, except under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-services")
@ExtendWith(RealServices.class)
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = RealServices.class)
public @interface PostgresAndBroker {
}
