package vn.dvctt.campaign;

/** A unit's values for a period: open (no state), submitted by the unit, or approved and locked. */
public enum ApprovalState {
    SUBMITTED, APPROVED
}
