package vn.dvctt.training;

/** planned → held → reported, or planned → cancelled (with a reason). */
public enum SessionStatus {
    PLANNED, HELD, REPORTED, CANCELLED
}
