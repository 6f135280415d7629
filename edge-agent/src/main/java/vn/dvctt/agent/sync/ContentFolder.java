package vn.dvctt.agent.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;

/**
 * The agent's content store under {@code data.dir}:
 * <pre>
 * content/{contentId}              a whole, verified guide: the only files the session page plays
 * content/.partial/{id}.part       a guide being downloaded, chunks at their offsets
 * content/.partial/{id}.progress   which chunks of the part file are on disk
 * sync/manifest.json               the manifest applied last, so downloads resume after a restart
 * sync/last-sync                   when every guide of the manifest was last held (epoch ms)
 * </pre>
 * Only names that are a SHA-256 are ever read as content, so nothing else in the folder is touched.
 */
public final class ContentFolder {

    private final Path content;
    private final Path partial;
    private final Path state;

    public ContentFolder(Path dataDir) {
        this.content = dataDir.resolve("content");
        this.partial = content.resolve(".partial");
        this.state = dataDir.resolve("sync");
        try {
            Files.createDirectories(partial);
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the content store under " + dataDir.toAbsolutePath(), e);
        }
    }

    /** Where a complete guide is; it exists only once the whole file matched its SHA-256. */
    public Path complete(String contentId) {
        return content.resolve(Sha256.requireHex(contentId, "contentId"));
    }

    public boolean isComplete(String contentId) {
        return Files.isRegularFile(complete(contentId));
    }

    Set<String> completeIds() {
        return ids(content, "");
    }

    Set<String> partialIds() {
        return ids(partial, ".part");
    }

    PartialFile openPartial(ManifestEntry entry) throws IOException {
        return PartialFile.open(entry, partial.resolve(entry.contentId() + ".part"),
                partial.resolve(entry.contentId() + ".progress"));
    }

    /** Bytes of {@code entry} already on disk, whole or in a resumable part file, without opening it. */
    long bytesOnDisk(ManifestEntry entry) {
        if (isComplete(entry.contentId())) {
            return entry.sizeBytes();
        }
        return Files.exists(partial.resolve(entry.contentId() + ".part"))
                ? (long) PartialFile.readProgress(entry, partial.resolve(entry.contentId() + ".progress")).cardinality()
                        * entry.chunkSizeBytes()
                : 0;
    }

    /** Renames a verified part file into place, durably. */
    void promote(PartialFile file) throws IOException {
        file.close();
        Path target = complete(file.entry().contentId());
        try {
            Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(partial.resolve(file.entry().contentId() + ".progress"));
        syncDirectory(content);
    }

    /** Deletes a guide whole or partial. */
    void delete(String contentId) throws IOException {
        Files.deleteIfExists(complete(contentId));
        Files.deleteIfExists(partial.resolve(contentId + ".part"));
        Files.deleteIfExists(partial.resolve(contentId + ".progress"));
        Files.deleteIfExists(partial.resolve(contentId + ".progress.tmp"));
    }

    long usableSpace() {
        try {
            return Files.getFileStore(content).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    Optional<byte[]> readManifest() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(state.resolve("manifest.json")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void writeManifest(byte[] payload) throws IOException {
        writeAtomically(state.resolve("manifest.json"), payload);
    }

    OptionalLong readLastSync() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(state.resolve("last-sync")).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    void writeLastSync(long epochMillis) throws IOException {
        writeAtomically(state.resolve("last-sync"), Long.toString(epochMillis).getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(java.nio.ByteBuffer.wrap(bytes));
            file.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes a rename survive a power cut; Windows cannot open a directory, and does not need to. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on this platform
        }
    }

    private static Set<String> ids(Path dir, String suffix) {
        Set<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(suffix)) {
                    String id = name.substring(0, name.length() - suffix.length());
                    if (Sha256.isHex(id) && Files.isRegularFile(file)) {
                        ids.add(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return ids;
    }
}
