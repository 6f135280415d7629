package vn.dvctt.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.dvctt.shared.InvalidInputException;

/**
 * Files addressed by their SHA-256 under {@code dvctt.store.dir} ({@code ab/cd/abcd…}). An upload is
 * streamed to a temporary file in the store while it is hashed and counted, never held in memory,
 * then renamed into place atomically: readers see a whole file or none, and the same content is
 * kept once. Several server instances share the directory (a shared volume); the write-then-rename
 * makes concurrent writers of the same content harmless. See docs/decisions/0001.
 */
@Service
public class ContentStore {

    private static final int BUFFER = 64 * 1024;
    private final Path root;

    public ContentStore(@Value("${dvctt.store.dir}") Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("tmp"));
    }

    /**
     * Streams {@code in} into the store.
     *
     * @throws InvalidInputException {@code media.store.tooLarge} past {@code maxBytes}; nothing is kept
     */
    public StoredContent put(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new InvalidInputException("media.store.tooLarge", "Larger than " + maxBytes + " bytes",
                                maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            // the digest's own hex: Sha256.hex(byte[]) would hash the digest again
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
            }
            return new StoredContent(sha, total);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(existing(sha256));
    }

    /** From a byte offset on, for serving a file in chunks. */
    public InputStream open(String sha256, long offset) throws IOException {
        FileChannel channel = FileChannel.open(existing(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    public long size(String sha256) throws IOException {
        return Files.size(existing(sha256));
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    private Path existing(String sha256) throws IOException {
        Path path = path(sha256);
        if (!Files.isRegularFile(path)) {
            throw new java.nio.file.NoSuchFileException("No stored content " + sha256);
        }
        return path;
    }

    /** Only 64 lowercase hex characters name a file, so no name can climb out of the store. */
    private Path path(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
