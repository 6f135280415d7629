package vn.dvctt.guide.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFilter;
import vn.dvctt.guide.GuideId;
import vn.dvctt.guide.GuideInput;
import vn.dvctt.guide.GuideLanguage;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.guide.PublicationInput;

/**
 * The 20 video guides Quảng Ninh's Provincial Media Centre made with the Department of Information and
 * Communications for its community digital technology teams (seed 001), 9 of them on essential public
 * services, in the library of the province. The titles are ours (the article gives the numbers, not the
 * titles). Each has a poster drawn here; those with a video carry the one small test card shipped in
 * {@code demo/guide-sample.mp4}, each made distinct by a trailing MP4 {@code free} box (which players
 * skip) so that every guide is its own content for devices. The essential ones are published to the
 * province, to be downloaded 22:00–05:00.
 */
@Component
class GuideDemo implements DemoContributor {

    static final DownloadWindow NIGHT = DownloadWindow.of("22:00", "05:00");
    static final long QUOTA = 8L * 1024 * 1024 * 1024;

    private record Demo(String title, boolean essential, GuideStatus status, boolean video, int seconds,
                        GuideLanguage language, String... procedures) {
    }

    private static final List<Demo> GUIDES = List.of(
            new Demo("Đăng ký khai sinh trực tuyến", true, GuideStatus.PUBLISHED, true, 312, GuideLanguage.VI,
                    "DEMO-01"),
            new Demo("Đăng ký khai tử trực tuyến", true, GuideStatus.PUBLISHED, true, 248, GuideLanguage.VI,
                    "DEMO-02"),
            new Demo("Xin cấp bản sao trích lục hộ tịch", true, GuideStatus.PUBLISHED, true, 205, GuideLanguage.VI,
                    "DEMO-03"),
            new Demo("Đăng ký thường trú trên Cổng dịch vụ công", true, GuideStatus.PUBLISHED, true, 356,
                    GuideLanguage.VI, "DEMO-05"),
            new Demo("Đăng ký tạm trú trực tuyến", true, GuideStatus.PUBLISHED, true, 290, GuideLanguage.VI,
                    "DEMO-06"),
            new Demo("Cấp phiếu lý lịch tư pháp qua mạng", true, GuideStatus.PUBLISHED, true, 331, GuideLanguage.VI,
                    "DEMO-08"),
            new Demo("Cấp lại thẻ bảo hiểm y tế do mất hoặc hỏng", true, GuideStatus.PUBLISHED, true, 227,
                    GuideLanguage.VI, "DEMO-10"),
            new Demo("Cấp đổi giấy phép lái xe trực tuyến", true, GuideStatus.PUBLISHED, true, 274, GuideLanguage.VI,
                    "DEMO-11"),
            new Demo("Đề nghị trợ cấp xã hội hằng tháng cho người cao tuổi", true, GuideStatus.PUBLISHED, true, 263,
                    GuideLanguage.VI, "DEMO-14"),
            new Demo("Tạo tài khoản định danh điện tử VNeID", false, GuideStatus.PUBLISHED, true, 240,
                    GuideLanguage.VI),
            new Demo("Đăng nhập Cổng dịch vụ công quốc gia bằng VNeID", false, GuideStatus.PUBLISHED, true, 185,
                    GuideLanguage.VI),
            new Demo("Thanh toán phí, lệ phí dịch vụ công trực tuyến", false, GuideStatus.PUBLISHED, true, 222,
                    GuideLanguage.VI),
            new Demo("Thanh toán tiền điện, tiền nước không dùng tiền mặt", false, GuideStatus.PUBLISHED, true, 198,
                    GuideLanguage.VI),
            new Demo("Tra cứu tình trạng giải quyết hồ sơ", false, GuideStatus.IN_REVIEW, true, 150,
                    GuideLanguage.VI),
            new Demo("Chụp và tải giấy tờ lên bằng điện thoại", false, GuideStatus.IN_REVIEW, true, 176,
                    GuideLanguage.VI),
            new Demo("Đánh giá mức độ hài lòng khi giải quyết thủ tục", false, GuideStatus.IN_PRODUCTION, true, 120,
                    GuideLanguage.VI),
            new Demo("Nộp hồ sơ đăng ký khai sinh bằng tiếng H'Mông", false, GuideStatus.IN_PRODUCTION, false, 0,
                    GuideLanguage.HMONG, "DEMO-01"),
            new Demo("Thanh toán viện phí trực tuyến", false, GuideStatus.PLANNED, false, 0, GuideLanguage.VI),
            new Demo("Sử dụng hóa đơn điện tử", false, GuideStatus.PLANNED, false, 0, GuideLanguage.VI),
            new Demo("Cài đặt ứng dụng Quảng Ninh số", false, GuideStatus.RETIRED, true, 160, GuideLanguage.VI));

    private final GuideService guides;
    private final UnitPaths unitPaths;

    GuideDemo(GuideService guides, UnitPaths unitPaths) {
        this.guides = guides;
        this.unitPaths = unitPaths;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        if (!guides.search(GuideFilter.all()).isEmpty()) {
            return;
        }
        UnitId province = unitPaths.idOfCode("22").orElseThrow(() -> new IllegalStateException("Demo province missing"));
        byte[] sample = sample();
        int n = 0;
        for (Demo demo : GUIDES) {
            n++;
            GuideData guide = guides.create(new GuideInput(province, demo.title(),
                    "Clip hướng dẫn người dân từng bước: " + demo.title().toLowerCase() + ".",
                    List.of(demo.procedures()), demo.essential(), demo.language(),
                    demo.seconds() == 0 ? null : demo.seconds()));
            GuideId id = guide.id();
            try {
                guides.setPoster(id, new ByteArrayInputStream(poster(demo.title(), demo.essential(), n)),
                        "poster-" + n + ".png");
                if (demo.video()) {
                    guides.uploadVideo(id, new ByteArrayInputStream(distinct(sample, demo.title())),
                            "clip-" + n + ".mp4");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (GuideStatus step : path(demo.status())) {
                guides.move(id, step, step == GuideStatus.RETIRED ? "Ứng dụng đã được thay bằng VNeID" : "");
            }
            if (demo.essential()) {
                guides.addPublication(id, new PublicationInput(province, null, 0, NIGHT, QUOTA));
            }
        }
    }

    private static List<GuideStatus> path(GuideStatus target) {
        List<GuideStatus> steps = new ArrayList<>();
        if (target == GuideStatus.PLANNED) {
            return steps;
        }
        steps.add(GuideStatus.IN_PRODUCTION);
        if (target == GuideStatus.IN_PRODUCTION) {
            return steps;
        }
        steps.add(GuideStatus.IN_REVIEW);
        if (target == GuideStatus.IN_REVIEW) {
            return steps;
        }
        steps.add(GuideStatus.PUBLISHED);
        if (target == GuideStatus.RETIRED) {
            steps.add(GuideStatus.RETIRED);
        }
        return steps;
    }

    private static byte[] sample() {
        try (InputStream in = new ClassPathResource("demo/guide-sample.mp4").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Demo video missing from the classpath", e);
        }
    }

    /** The sample with a trailing {@code free} box naming the guide: still playable, a different SHA-256. */
    static byte[] distinct(byte[] mp4, String title) {
        byte[] payload = ("dvctt-demo: " + title).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(mp4.length + 8 + payload.length);
        out.put(mp4).putInt(8 + payload.length).put("free".getBytes(StandardCharsets.US_ASCII)).put(payload);
        return out.array();
    }

    private static final Color[] COLOURS = {new Color(0xC6, 0x28, 0x28), new Color(0x15, 0x65, 0xC0),
        new Color(0x2E, 0x7D, 0x32), new Color(0x6A, 0x1B, 0x9A), new Color(0xEF, 0x6C, 0x00)};

    /** A 640×360 poster: a coloured card with the title, and a band for the essential services. */
    static byte[] poster(String title, boolean essential, int n) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(COLOURS[n % COLOURS.length]);
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("CLIP HƯỚNG DẪN SỐ " + n + " · DỊCH VỤ CÔNG TRỰC TUYẾN", 32, 48);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        FontMetrics metrics = g.getFontMetrics();
        int y = 140;
        StringBuilder line = new StringBuilder();
        for (String word : title.split(" ")) {
            if (metrics.stringWidth(line + " " + word) > 576 && line.length() > 0) {
                g.drawString(line.toString(), 32, y);
                y += 46;
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        g.drawString(line.toString(), 32, y);
        if (essential) {
            g.setColor(new Color(0xFF, 0xD6, 0x00));
            g.fillRect(0, 310, 640, 50);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString("Dịch vụ công thiết yếu", 32, 343);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
