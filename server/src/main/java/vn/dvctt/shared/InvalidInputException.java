package vn.dvctt.shared;

/**
 * Input a person must correct. Carries a message key and arguments, so that views tell it in the
 * user's language; the English message is for logs and API callers.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public InvalidInputException(String messageKey, String englishMessage, Object... args) {
        super(englishMessage);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
