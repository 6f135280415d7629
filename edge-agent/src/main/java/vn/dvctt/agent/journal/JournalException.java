package vn.dvctt.agent.journal;

/** The journal could not record or read: the page must not confirm the action. */
public final class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
