package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The guard that keeps broker tests from silently skipping on CI. */
class TestBrokerTest {

    @Test
    void prefersTheConfiguredUrl() {
        assertThat(TestBroker.resolve(Map.of("TEST_MQTT_URL", "tcp://mqtt:1883"), (h, p) -> true)).isEqualTo("tcp://mqtt:1883");
    }

    @Test
    void fallsBackToTheLocalBrokerWhenItAnswers() {
        assertThat(TestBroker.resolve(Map.of(), (h, p) -> h.equals("127.0.0.1") && p == 1883)).isEqualTo("tcp://127.0.0.1:1883");
    }

    @Test
    void skipsWithAReasonWhenNoBrokerIsAvailable() {
        assertThatThrownBy(() -> TestBroker.resolve(Map.of(), (h, p) -> false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("TEST_MQTT_URL");
    }

    @Test
    void failsInsteadOfSkippingOnCi() {
        assertThatThrownBy(() -> TestBroker.resolve(Map.of("CI", "true"), (h, p) -> false))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
    }
}
