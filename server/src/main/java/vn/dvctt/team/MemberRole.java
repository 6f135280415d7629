package vn.dvctt.team;

import java.util.Optional;
import vn.dvctt.shared.VietnameseText;

/** A member's place on the team: tổ trưởng (one per team), tổ phó, thành viên. */
public enum MemberRole {
    LEADER, DEPUTY, MEMBER;

    /** Accepts what spreadsheets hold: "Tổ trưởng", "to truong", "leader", "Tổ phó", "Thành viên", "TV". */
    public static Optional<MemberRole> parse(String text) {
        String v = VietnameseText.fold(text).replace('_', ' ');
        return switch (v) {
            case "to truong", "truong", "leader", "tt", "to truong to cong nghe so" -> Optional.of(LEADER);
            case "to pho", "pho", "deputy", "tp", "deputy leader" -> Optional.of(DEPUTY);
            case "", "thanh vien", "tv", "member" -> Optional.of(MEMBER);
            default -> Optional.empty();
        };
    }
}
