package vn.dvctt.geo;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.dvctt.shared.VietnameseText;

/**
 * Kinds of administrative unit with their Vietnamese names as they appear in official lists.
 * "Thành phố" is both a centrally-run city (province level) and a provincial city (district level):
 * imports name the first "Thành phố trực thuộc trung ương" or give the code THANH_PHO_TW.
 */
public enum UnitType {
    QUOC_GIA("Quốc gia", UnitLevel.COUNTRY),
    TINH("Tỉnh", UnitLevel.PROVINCE),
    THANH_PHO_TW("Thành phố trực thuộc trung ương", UnitLevel.PROVINCE),
    HUYEN("Huyện", UnitLevel.DISTRICT),
    QUAN("Quận", UnitLevel.DISTRICT),
    THI_XA("Thị xã", UnitLevel.DISTRICT),
    THANH_PHO("Thành phố", UnitLevel.DISTRICT),
    XA("Xã", UnitLevel.COMMUNE),
    PHUONG("Phường", UnitLevel.COMMUNE),
    THI_TRAN("Thị trấn", UnitLevel.COMMUNE),
    DAC_KHU("Đặc khu", UnitLevel.COMMUNE),
    THON("Thôn", UnitLevel.VILLAGE),
    BAN("Bản", UnitLevel.VILLAGE),
    AP("Ấp", UnitLevel.VILLAGE),
    XOM("Xóm", UnitLevel.VILLAGE),
    LANG("Làng", UnitLevel.VILLAGE),
    BUON("Buôn", UnitLevel.VILLAGE),
    KHU("Khu", UnitLevel.VILLAGE),
    KHU_PHO("Khu phố", UnitLevel.VILLAGE),
    TO_DAN_PHO("Tổ dân phố", UnitLevel.VILLAGE);

    private static final Map<String, UnitType> BY_FOLDED_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(t -> VietnameseText.fold(t.vietnameseName), Function.identity()));

    private final String vietnameseName;
    private final UnitLevel level;

    UnitType(String vietnameseName, UnitLevel level) {
        this.vietnameseName = vietnameseName;
        this.level = level;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public UnitLevel level() {
        return level;
    }

    /** How Vietnamese name a unit: "Xã Hoành Mô"; the country is just "Việt Nam". */
    public String displayName(String name) {
        return this == QUOC_GIA ? name : vietnameseName + " " + name;
    }

    /** Accepts "Xã", "xa", "XA", "Thị trấn", "THI_TRAN": whatever a province's spreadsheet holds. */
    public static Optional<UnitType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = VietnameseText.fold(text);
        UnitType byName = BY_FOLDED_NAME.get(folded);
        if (byName != null) {
            return Optional.of(byName);
        }
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
