package vn.dvctt.guide;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.training.TrainingFixture;

/** The training fixture (units, users, procedures, venues) plus helpers to make guides and fake videos. */
@Component
public class GuideFixture {

    public static final DownloadWindow NIGHT = DownloadWindow.of("22:00", "05:00");
    public static final long MB = 1024L * 1024;

    public final TrainingFixture data;
    private final GuideService guides;

    GuideFixture(TrainingFixture data, GuideService guides) {
        this.data = data;
        this.guides = guides;
    }

    public GuideInput input(String ownerCode, String title, boolean essential, String... procedures) {
        return new GuideInput(data.unit(ownerCode), title, "Hướng dẫn từng bước: " + title, List.of(procedures),
                essential, GuideLanguage.VI, 180);
    }

    /** An MP4-looking file: an ftyp box, then pseudo-random bytes from the seed. */
    public static byte[] mp4(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** Creates a guide as {@code user} and, when {@code video} is given, takes it to PUBLISHED with it. */
    public GuideData published(String user, GuideInput input, byte[] video) {
        return data.fixture.as(user, () -> {
            GuideData guide = guides.create(input);
            upload(guide.id(), video, "clip.mp4");
            guides.move(guide.id(), GuideStatus.IN_PRODUCTION, "");
            guides.move(guide.id(), GuideStatus.IN_REVIEW, "");
            return guides.move(guide.id(), GuideStatus.PUBLISHED, "");
        });
    }

    public GuideFileData upload(GuideId id, byte[] video, String name) {
        try {
            return guides.uploadVideo(id, new ByteArrayInputStream(video), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
