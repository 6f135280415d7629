package vn.dvctt.team;

/** A runner PIN was set or withdrawn in a team at {@code unitPath}: the venues below need a new brief. */
public record RunnerAccessChanged(String unitPath) {
}
