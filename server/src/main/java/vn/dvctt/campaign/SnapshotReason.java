package vn.dvctt.campaign;

/** Why a snapshot was taken: a milestone fell due, the regular cadence, or a person asked. */
public enum SnapshotReason {
    MILESTONE, CADENCE, MANUAL
}
