package vn.dvctt.team;

/** A member's details as entered or imported. {@code phone} and {@code birthYear} are optional. */
public record MemberDraft(String fullName, MemberRole role, String phone, Integer birthYear, Gender gender,
                          boolean youthUnion, boolean communeOfficial, String skills) {

    /** Never prints the name or phone, so a draft that reaches a log or an exception leaks nothing. */
    @Override
    public String toString() {
        return "MemberDraft[role=" + role + "]";
    }
}
