package vn.dvctt.team;

import java.util.Optional;
import vn.dvctt.shared.VietnameseText;

public enum Gender {
    MALE, FEMALE;

    /** "Nam"/"Nữ", "M"/"F", "male"/"female"; empty means not given. */
    public static Optional<Gender> parse(String text) {
        return switch (VietnameseText.fold(text)) {
            case "nam", "m", "male" -> Optional.of(MALE);
            case "nu", "f", "female" -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
