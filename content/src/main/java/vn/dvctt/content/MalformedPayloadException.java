package vn.dvctt.content;

/**
 * A payload that this build cannot read: not well-formed, not the expected shape, or written under
 * a schema version it does not know. The message says which, so it can be logged as is.
 */
public class MalformedPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
