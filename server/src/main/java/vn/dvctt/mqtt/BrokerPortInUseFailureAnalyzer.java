package vn.dvctt.mqtt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken MQTT port into one clear line instead of a stack trace. */
class BrokerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<BrokerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokerPortInUseException cause) {
        return new FailureAnalysis(
                "The embedded MQTT broker cannot listen on port " + cause.port() + ": another program holds it.",
                "Start with another port, e.g. DVCTT_MQTT_PORT=1884 (or --dvctt.mqtt.embedded.port=1884), "
                        + "or stop the other broker.",
                cause);
    }
}
