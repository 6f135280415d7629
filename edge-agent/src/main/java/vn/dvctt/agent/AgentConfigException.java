package vn.dvctt.agent;

/** The agent's configuration is missing, unreadable or invalid; the message names the file and key. */
public class AgentConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgentConfigException(String message) {
        super(message);
    }

    public AgentConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
