package vn.dvctt.training;

/** Who gave a session's figures: the team member typing them in, or the venue's edge agent. */
public enum ResultSource {
    MANUAL, AGENT
}
