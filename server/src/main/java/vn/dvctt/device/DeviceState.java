package vn.dvctt.device;

/** Where a device stands with its credentials. */
public enum DeviceState {
    /** Registered; an enrollment code is out (or expired) and no credentials were issued yet. */
    PENDING,
    /** The agent exchanged its code for credentials and may connect. */
    ENROLLED,
    /** Cut off: cannot connect; re-enrolment issues a new code. */
    REVOKED
}
