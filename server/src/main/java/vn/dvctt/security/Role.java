package vn.dvctt.security;

/** What a user may do; where he may do it is his unit's subtree (see {@link Scope}). */
public enum Role {
    /** Quản trị: everything in his subtree, including users of any role. */
    ADMIN,
    /** Cán bộ tổ chức (provincial office, commune officer): plans and edits below his own unit. */
    ORGANIZER,
    /** Thành viên tổ công nghệ số cộng đồng: runs sessions in his village. */
    TEAM_MEMBER,
    /** Lãnh đạo: read-only dashboards. */
    LEADER;

    public String authority() {
        return "ROLE_" + name();
    }
}
