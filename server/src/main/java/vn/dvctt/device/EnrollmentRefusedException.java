package vn.dvctt.device;

import vn.dvctt.content.Enrollment;

/** A code that cannot be exchanged; the message is for the person at the device (English, as the agent logs). */
public class EnrollmentRefusedException extends RuntimeException {

    private final Enrollment.Reason reason;

    public EnrollmentRefusedException(Enrollment.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Enrollment.Reason reason() {
        return reason;
    }
}
