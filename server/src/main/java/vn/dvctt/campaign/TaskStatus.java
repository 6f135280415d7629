package vn.dvctt.campaign;

/** Where a task stands; DONE and CANCELLED are closed and never overdue. */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE, CANCELLED;

    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
