package vn.dvctt.team;

/** A team member allowed on the session runner, with his PIN's hash (never the PIN). */
public record RunnerMember(long personId, String fullName, MemberRole role, String pinHash) {
}
