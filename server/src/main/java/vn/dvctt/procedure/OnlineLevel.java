package vn.dvctt.procedure;

import java.util.Arrays;
import java.util.Optional;
import vn.dvctt.shared.VietnameseText;

/** How far a procedure can be done online (dịch vụ công trực tuyến toàn trình / một phần). */
public enum OnlineLevel {
    FULL("Toàn trình"), PARTIAL("Một phần"), NONE("Trực tiếp");

    private final String vietnameseName;

    OnlineLevel(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** "Toàn trình", "toan trinh", "FULL"; an empty cell means not online. */
    public static Optional<OnlineLevel> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(NONE);
        }
        String folded = VietnameseText.fold(text);
        return Arrays.stream(values())
                .filter(l -> VietnameseText.fold(l.vietnameseName).equals(folded) || l.name().equalsIgnoreCase(text.trim()))
                .findFirst();
    }
}
