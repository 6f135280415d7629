package vn.dvctt.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a country-sized unit file: 63 provinces × 11 districts × 15 communes × 8–12 villages
 * (≈ 10,400 communes, ≈ 104,000 villages), with Vietnamese names built from real syllables.
 */
final class NationalUnitsFile {

    private static final String[] SYLLABLES = {"An", "Bình", "Cẩm", "Đông", "Đồng", "Hải", "Hòa", "Hưng", "Khánh",
            "Lạc", "Long", "Minh", "Nam", "Ngọc", "Phú", "Phước", "Quảng", "Sơn", "Tân", "Thạch", "Thanh", "Thuận",
            "Tiên", "Trung", "Vĩnh", "Xuân", "Yên", "Đắk", "Krông", "Mường", "Nà", "Pắc", "Lũng", "Bắc", "Hà", "Kim"};
    private static final String[] VILLAGE_TYPES = {"Thôn", "Bản", "Tổ dân phố", "Ấp", "Xóm"};

    record Stats(int lines, int communes, int villages) {
    }

    static Stats write(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        int lines = 0;
        int communes = 0;
        int villages = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,type,parent_code\n");
            for (int p = 1; p <= 63; p++) {
                String province = String.format("%02d", p);
                out.write(province + "," + name(random) + ",Tỉnh,\n");
                lines++;
                for (int d = 1; d <= 11; d++) {
                    String district = province + String.format("%02d", d);
                    out.write(district + "," + name(random) + ",Huyện," + province + "\n");
                    lines++;
                    for (int c = 1; c <= 15; c++) {
                        String commune = district + String.format("%02d", c);
                        out.write(commune + "," + name(random) + "," + (c % 5 == 0 ? "Phường" : "Xã") + "," + district + "\n");
                        lines++;
                        communes++;
                        int n = 8 + random.nextInt(5);
                        for (int v = 1; v <= n; v++) {
                            String type = VILLAGE_TYPES[random.nextInt(VILLAGE_TYPES.length)];
                            out.write(commune + "-" + String.format("%02d", v) + "," + name(random) + " " + v + ","
                                    + type + "," + commune + "\n");
                            lines++;
                            villages++;
                        }
                    }
                }
            }
        }
        return new Stats(lines, communes, villages);
    }

    /**
     * The country after the 2025 reform: 34 provinces × 97 communes (no districts) × 28–32 villages
     * (≈ 3,300 communes, ≈ 99,000 villages).
     */
    static Stats writeMerged(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        int lines = 0;
        int communes = 0;
        int villages = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,type,parent_code\n");
            for (int p = 1; p <= 34; p++) {
                String province = String.format("%02d", p);
                out.write(province + "," + name(random) + ",Tỉnh,\n");
                lines++;
                for (int c = 1; c <= 97; c++) {
                    String commune = province + String.format("%03d", c);
                    out.write(commune + "," + name(random) + "," + (c % 5 == 0 ? "Phường" : "Xã") + "," + province + "\n");
                    lines++;
                    communes++;
                    int n = 28 + random.nextInt(5);
                    for (int v = 1; v <= n; v++) {
                        String type = VILLAGE_TYPES[random.nextInt(VILLAGE_TYPES.length)];
                        out.write(commune + "-" + String.format("%02d", v) + "," + name(random) + " " + v + "," + type
                                + "," + commune + "\n");
                        lines++;
                        villages++;
                    }
                }
            }
        }
        return new Stats(lines, communes, villages);
    }

    private static String name(Random random) {
        return SYLLABLES[random.nextInt(SYLLABLES.length)] + " " + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    private NationalUnitsFile() {
    }
}
