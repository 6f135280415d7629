package vn.dvctt.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.shared.InvalidInputException;

class ImageServiceTest {

    @TempDir
    Path dir;
    ContentStore store;
    ImageService images;

    @BeforeEach
    void setUp() throws IOException {
        store = new ContentStore(dir);
        images = new ImageService(store, 2 * 1024 * 1024, 40_000_000);
    }

    /** 60 × 40: red on the left, blue on the right. */
    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 30, 40);
        g.setColor(Color.BLUE);
        g.fillRect(30, 0, 30, 40);
        g.dispose();
        return image;
    }

    static byte[] jpegWithGpsAndOrientation(int orientation) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(107.3, 21.6); // Bình Liêu, Quảng Ninh
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
        return tagged.toByteArray();
    }

    private byte[] stored(String sha) throws IOException {
        try (InputStream in = images.open(sha)) {
            return in.readAllBytes();
        }
    }

    @Test
    void gpsAndAllExifAreGoneAndThePhotoIsTurnedUpright() throws Exception {
        byte[] upload = jpegWithGpsAndOrientation(6);
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(upload);
        assertThat(before.getExif().getGpsInfo()).as("the test photo really carries GPS").isNotNull();

        StoredImage image = images.accept(new ByteArrayInputStream(upload), "buoi-tap-huan.jpg");

        byte[] kept = stored(image.sha256());
        ImageMetadata after = Imaging.getMetadata(kept);
        assertThat(after == null || ((JpegImageMetadata) after).getExif() == null).isTrue();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        // orientation 6 = turn 90° clockwise: 60 × 40 becomes 40 × 60, red now on top
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(kept));
        assertThat(upright.getWidth()).isEqualTo(40);
        assertThat(upright.getHeight()).isEqualTo(60);
        assertThat(new Color(upright.getRGB(20, 5)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(20, 55)).getBlue()).isGreaterThan(200);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(stored(image.thumbnailSha256())));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(320);
    }

    @Test
    void pngTextChunksAreNotKept() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", plain);
        byte[] png = plain.toByteArray();
        byte[] text = chunk("tEXt", "Comment\0Nguyen Van A 0912345678".getBytes(StandardCharsets.ISO_8859_1));
        int iend = png.length - 12;
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(png, 0, iend);
        withText.write(text);
        withText.write(png, iend, 12);

        StoredImage image = images.accept(new ByteArrayInputStream(withText.toByteArray()), "poster.png");

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(new String(stored(image.sha256()), StandardCharsets.ISO_8859_1)).doesNotContain("0912345678");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
        ihdr.putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        bomb.write(chunk("IHDR", ihdr.array()));
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1_000_000]);
        deflater.finish();
        byte[] compressed = new byte[100_000];
        int length = deflater.deflate(compressed);
        bomb.write(chunk("IDAT", java.util.Arrays.copyOf(compressed, length)));
        bomb.write(chunk("IEND", new byte[0]));
        assertThat(bomb.size()).isLessThan(10_000); // 10.8 GB of pixels declared in a few kilobytes

        long started = System.nanoTime();
        assertThatThrownBy(() -> images.accept(new ByteArrayInputStream(bomb.toByteArray()), "bomb.png"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("media.image.tooManyPixels");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aRenamedExecutableATruncatedPhotoAndAGifAreNotImages() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(exe, "anh-tap-huan.jpg", "media.image.notImage");
        byte[] jpeg = jpegWithGpsAndOrientation(1);
        assertRefused(java.util.Arrays.copyOf(jpeg, jpeg.length / 3), "cut.jpg", "media.image.notImage");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(picture(), "gif", gif);
        assertRefused(gif.toByteArray(), "anh.gif", "media.image.notImage");
        assertThat(Files.list(dir).filter(p -> !p.getFileName().toString().equals("tmp")).count()).isZero();
    }

    @Test
    void anImageOverTheByteLimitIsRefusedAndNothingIsKept() throws Exception {
        ImageService small = new ImageService(store, 1000, 40_000_000);
        assertThatThrownBy(() -> small.accept(new ByteArrayInputStream(jpegWithGpsAndOrientation(1)), "big.jpg"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("media.image.tooLarge");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void aCompressedPngTextBombIsNeverInflated() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", plain);
        byte[] png = plain.toByteArray();
        // zTXt: keyword, NUL, method 0, then zlib data inflating to 400 MB of zeros
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write("Comment".getBytes(StandardCharsets.ISO_8859_1));
        text.write(new byte[] {0, 0});
        Deflater deflater = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < 400; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        text.write(compressed.toByteArray());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(png, 0, 33); // signature + IHDR
        bomb.write(chunk("zTXt", text.toByteArray()));
        bomb.write(png, 33, png.length - 33);
        assertThat(bomb.size()).isLessThan(1_000_000);

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        StoredImage image = images.accept(new ByteArrayInputStream(bomb.toByteArray()), "poster.png");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(image.width()).isEqualTo(60);
        assertThat(allocated).as("bytes allocated while accepting the image").isLessThan(64L * 1024 * 1024);
    }

    private void assertRefused(byte[] bytes, String name, String key) {
        assertThatThrownBy(() -> images.accept(new ByteArrayInputStream(bytes), name))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }

    static byte[] chunk(String type, byte[] data) {
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        chunk.put(name).put(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }
}
