package vn.dvctt.team;

import java.time.LocalDate;
import java.util.List;

/**
 * One membership: a person on a team from {@code joinedOn} to {@code leftOn} (null while active).
 * {@code phone} is masked ("09xx xxx 678") unless the caller may see it whole; {@code phoneMasked}
 * says which.
 */
public record MemberData(long membershipId, long personId, long teamId, String fullName, MemberRole role,
                         String phone, boolean phoneMasked, Integer birthYear, Gender gender, boolean youthUnion,
                         boolean communeOfficial, String skills, LocalDate joinedOn, LocalDate leftOn,
                         EndReason endReason, List<TrainingRecord> trainings) {

    /** Why a membership ended. */
    public enum EndReason {
        LEFT, MOVED, DISBANDED
    }

    public boolean active() {
        return leftOn == null;
    }

    @Override
    public String toString() {
        return "MemberData[membershipId=" + membershipId + ", teamId=" + teamId + ", role=" + role + "]";
    }
}
