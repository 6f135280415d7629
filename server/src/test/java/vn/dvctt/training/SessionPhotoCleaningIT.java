package vn.dvctt.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.shared.InvalidInputException;

/** A session's photos through the real image service: GPS gone, bombs and executables refused. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class SessionPhotoCleaningIT {

    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;

    @Test
    void aPhotoWithGpsIsStoredWithoutItAndHostileFilesAreRefused() throws Exception {
        data.load();
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(80, 60,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(107.3, 21.6);
        ByteArrayOutputStream withGps = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withGps, exif);
        assertThat(((JpegImageMetadata) Imaging.getMetadata(withGps.toByteArray())).getExif().getGpsInfo()).isNotNull();

        SessionPhoto photo = data.fixture.as("hoanhmo.organizer", () -> {
            SessionData session = training.schedule(plan(data.kheMa, day(-1, 8), 2, "Cài VNeID"));
            training.markHeld(session.id());
            try {
                return training.addPhoto(session.id(), new ByteArrayInputStream(withGps.toByteArray()), "IMG_0001.jpg");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] kept = data.fixture.as("hoanhmo.organizer", () -> {
            try (InputStream in = training.openPhoto(photo.sessionId(), photo.sha256())) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ImageMetadata metadata = Imaging.getMetadata(kept);
        assertThat(metadata == null || ((JpegImageMetadata) metadata).getExif() == null).isTrue();

        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThatThrownBy(() -> data.fixture.as("hoanhmo.organizer", () -> {
            try {
                return training.addPhoto(photo.sessionId(), new ByteArrayInputStream(exe), "anh.jpg");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("media.image.notImage"));
    }
}
