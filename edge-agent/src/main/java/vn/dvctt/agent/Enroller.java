package vn.dvctt.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.MalformedPayloadException;

/**
 * {@code dvctt-agent enroll <server-url> <code> [config-file]}: trades the one-time code shown to the
 * organizer (or read from the QR code) for this device's broker credentials and writes them into the
 * agent's config file. Plain JDK HTTP client, so the agent stays small.
 */
final class Enroller {

    static final String COMMAND = "enroll";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    Enroller(HttpClient http) {
        this.http = http;
    }

    Enroller() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** The credentials, or an {@link EnrollmentRefusedException} saying why not. */
    Enrollment.Response exchange(String serverUrl, String code) {
        URI endpoint = endpoint(serverUrl);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Enrollment.Request.of(code.trim()).toPayload()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EnrollmentRefusedException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrollmentRefusedException("interrupted while enrolling", e);
        }
        try {
            if (response.statusCode() == 200) {
                return Enrollment.Response.fromPayload(response.body());
            }
            Enrollment.Refusal refusal = Enrollment.Refusal.fromPayload(response.body());
            throw new EnrollmentRefusedException(refusal.reason() + ": " + refusal.message(), null);
        } catch (MalformedPayloadException e) {
            throw new EnrollmentRefusedException("the server at " + endpoint + " answered HTTP " + response.statusCode()
                    + " with something that is not an enrollment answer (" + e.getMessage() + ")", e);
        }
    }

    static URI endpoint(String serverUrl) {
        try {
            URI base = new URI(serverUrl.trim());
            if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
                throw new EnrollmentRefusedException("the server URL must look like https://dvctt.example.vn, got \""
                        + serverUrl + "\"", null);
            }
            String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), path + Enrollment.PATH, null, null);
        } catch (URISyntaxException e) {
            throw new EnrollmentRefusedException("the server URL \"" + serverUrl + "\" is not a URL: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the command line {@code enroll <server-url> <code> [config-file]}; the config file is found as
     * for a normal start ({@link AgentConfig#locate}).
     *
     * @return the process exit code: 0 enrolled, 1 refused, 2 wrong usage
     */
    static int run(String[] args, Map<String, String> env, Enroller enroller, java.io.PrintStream out) {
        if (args.length < 3 || args.length > 4) {
            out.println("usage: java -jar dvctt-edge-agent.jar enroll <server-url> <code> [config-file]");
            return 2;
        }
        Path config = AgentConfig.locate(Arrays.copyOfRange(args, 3, args.length), env);
        try {
            Enrollment.Response credentials = enroller.exchange(args[1], args[2]);
            AgentConfig.storeCredentials(config, credentials.brokerUrl(), credentials.deviceId(), credentials.username(),
                    credentials.password());
            out.println("Enrolled as " + credentials.deviceId() + "; credentials written to " + config.toAbsolutePath()
                    + ". Start the agent now.");
            return 0;
        } catch (EnrollmentRefusedException | AgentConfigException e) {
            out.println("Enrollment failed: " + e.getMessage());
            return 1;
        }
    }

    /** The server refused the code or could not be asked; the message is for the person at the PC. */
    static final class EnrollmentRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EnrollmentRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
