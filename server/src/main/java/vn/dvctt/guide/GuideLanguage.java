package vn.dvctt.guide;

import java.util.Arrays;
import java.util.Optional;

/**
 * The language a guide speaks: Vietnamese first, then minority languages of the provinces that make
 * guides for their villages. Codes are ISO 639 (639-1 where one exists, else 639-3): Tày is
 * {@code tyz}, not {@code tay}, which is Atayal.
 */
public enum GuideLanguage {
    VI("vi"), HMONG("hmn"), TAY("tyz"), NUNG("nut"), THAI("blt"), DAO("ium"), MUONG("mtq"), KHMER("km"),
    EDE("rad"), JRAI("jra"), BAHNAR("bdq"), CHAM("cjm");

    private final String code;

    GuideLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<GuideLanguage> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
