package vn.dvctt.media;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Service;

/**
 * Accepts photos and posters from browsers: reads the header before anything else, refuses what is
 * not JPEG or PNG or is too large in bytes or pixels, strips metadata, makes a thumbnail.
 */
@Service
public class ImageService {

    /**
     * Checks, cleans and stores an image.
     *
     * @throws vn.dvctt.shared.InvalidInputException naming the problem (not an image, too many
     *     pixels, too many bytes) when the upload is refused
     */
    public StoredImage accept(InputStream in, String fileName) throws IOException {
        throw new UnsupportedOperationException("media: being built");
    }

    /** The stored bytes of an image or thumbnail accepted earlier. */
    public InputStream open(String sha256) throws IOException {
        throw new UnsupportedOperationException("media: being built");
    }
}
