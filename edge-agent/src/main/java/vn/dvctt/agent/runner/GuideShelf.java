package vn.dvctt.agent.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import vn.dvctt.agent.Log;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;

/**
 * The guides the page may play: entries of the manifest the sync applied last ({@code sync/manifest.json},
 * the layout {@link ContentFolder} documents) whose file is complete and verified. Nothing else is ever
 * served, so a half-downloaded guide can never reach the projector.
 */
final class GuideShelf {

    private static final Log log = Log.of(GuideShelf.class);

    record Guide(String contentId, String guideId, String title, long sizeBytes) {
    }

    private final ContentFolder folder;
    private final Path manifestFile;
    private FileTime readAt;
    private List<ManifestEntry> entries = List.of();

    GuideShelf(Path dataDir, ContentFolder folder) {
        this.folder = folder;
        this.manifestFile = dataDir.resolve("sync").resolve("manifest.json");
    }

    synchronized List<Guide> playable() {
        refresh();
        return entries.stream().filter(e -> folder.isComplete(e.contentId()))
                .map(e -> new Guide(e.contentId(), e.guideId(), e.title(), e.sizeBytes())).toList();
    }

    Optional<Guide> guide(String contentId) {
        return playable().stream().filter(g -> g.contentId().equals(contentId)).findFirst();
    }

    /** The file of a complete guide of the manifest, or empty. */
    Optional<Path> file(String contentId) {
        if (!Sha256.isHex(contentId) || guide(contentId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(folder.complete(contentId));
    }

    private void refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(manifestFile);
            if (modified.equals(readAt)) {
                return;
            }
            entries = Manifest.fromPayload(Files.readAllBytes(manifestFile)).entries();
            readAt = modified;
        } catch (NoSuchFileException e) {
            entries = List.of();
            readAt = null;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the applied manifest {}: {}", manifestFile, e.getMessage());
        }
    }
}
