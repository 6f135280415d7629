package vn.dvctt.media;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.dvctt.shared.InvalidInputException;

/**
 * Accepts photos and posters from browsers: reads the header before anything else, refuses what is
 * not JPEG or PNG or is too large in bytes or pixels, strips metadata, makes a thumbnail.
 *
 * <p>Order matters: the byte limit while copying, then Commons Imaging reads only the header (format
 * and declared size) so a decompression bomb is refused before a pixel is decoded; decoding is
 * subsampled to at most {@link #MAX_EDGE} pixels a side, which bounds memory. The stored image is a
 * fresh encoding of the pixels, so no EXIF, GPS, XMP, IPTC or PNG text chunk survives; the EXIF
 * orientation is applied first so the photo stays upright.
 */
@Service
public class ImageService {

    static final int MAX_EDGE = 4096;
    static final int THUMBNAIL_EDGE = 320;
    private final ContentStore store;
    private final long maxBytes;
    private final long maxPixels;

    public ImageService(ContentStore store, @Value("${dvctt.images.max-bytes:15728640}") long maxBytes,
                        @Value("${dvctt.images.max-pixels:40000000}") long maxPixels) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /**
     * Checks, cleans and stores an image.
     *
     * @throws vn.dvctt.shared.InvalidInputException naming the problem (not an image, too many
     *     pixels, too many bytes) when the upload is refused
     */
    public StoredImage accept(InputStream in, String fileName) throws IOException {
        Path temp = Files.createTempFile("image-", ".upload");
        try {
            copyLimited(in, temp);
            ImageFormat format;
            Dimension size;
            try {
                format = Imaging.guessFormat(temp.toFile());
                if (format != ImageFormats.JPEG && format != ImageFormats.PNG) {
                    throw notImage(fileName);
                }
                // the size only: getImageInfo would also inflate every compressed PNG text chunk, which a
                // few KB can turn into gigabytes (a "PNG text bomb")
                size = Imaging.getImageSize(temp.toFile());
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw notImage(fileName);
            }
            long pixels = (long) size.width * size.height;
            if (size.width <= 0 || size.height <= 0 || pixels > maxPixels) {
                throw new InvalidInputException("media.image.tooManyPixels", "Image of " + size.width + "x"
                        + size.height + " pixels", size.width, size.height, maxPixels / 1_000_000);
            }
            int orientation = format == ImageFormats.JPEG ? orientation(temp) : 1;
            BufferedImage pixelsRead = upright(decode(temp, size, fileName), orientation);
            boolean jpeg = format == ImageFormats.JPEG;
            byte[] full = encode(pixelsRead, jpeg);
            byte[] thumbnail = encode(scale(pixelsRead, THUMBNAIL_EDGE), true);
            StoredContent stored = store.put(new ByteArrayInputStream(full), Long.MAX_VALUE);
            StoredContent thumb = store.put(new ByteArrayInputStream(thumbnail), Long.MAX_VALUE);
            return new StoredImage(stored.sha256(), thumb.sha256(), jpeg ? "image/jpeg" : "image/png",
                    pixelsRead.getWidth(), pixelsRead.getHeight(), stored.bytes());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The stored bytes of an image or thumbnail accepted earlier. */
    public InputStream open(String sha256) throws IOException {
        return store.open(sha256);
    }

    private void copyLimited(InputStream in, Path temp) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(temp)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidInputException("media.image.tooLarge", "Larger than " + maxBytes + " bytes",
                            maxBytes / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static InvalidInputException notImage(String fileName) {
        return new InvalidInputException("media.image.notImage", "Not a JPEG or PNG image: " + fileName,
                fileName == null ? "" : fileName);
    }

    /** EXIF orientation 1..8, read before the metadata is dropped; 1 when absent or unreadable. */
    private static int orientation(Path file) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(file.toFile());
            if (metadata instanceof JpegImageMetadata jpeg) {
                TiffField field = jpeg.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
                if (field != null) {
                    int value = field.getIntValue();
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken EXIF block only costs the rotation
        }
        return 1;
    }

    private static BufferedImage decode(Path file, Dimension size, String fileName) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notImage(fileName);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(size.width, size.height) / (double) MAX_EDGE);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw notImage(fileName);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Applies an EXIF orientation (1 upright … 8) so that viewers without EXIF show it right. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.scale(-1, 1); t.translate(-w, 0); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.scale(1, -1); t.translate(0, -h); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, rgbType(image));
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage image, int edge) {
        double factor = Math.min(1.0, edge / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static int rgbType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** A fresh encoding: ImageIO writes pixels only, no metadata from the upload. */
    private static byte[] encode(BufferedImage image, boolean jpeg) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!jpeg) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
