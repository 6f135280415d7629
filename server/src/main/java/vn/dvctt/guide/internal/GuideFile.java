package vn.dvctt.guide.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.Sha256;
import vn.dvctt.guide.FileStatus;
import vn.dvctt.guide.GuideFileData;
import vn.dvctt.guide.GuideId;

/** One version of a guide's video; see V0017 for why chunk hashes are one column. */
@Entity
@Table(name = "guide_file")
public class GuideFile {

    private static final int MAX_FAILURE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "guide_id")
    private long guideId;
    @Column(name = "file_version")
    private int fileVersion;
    @Enumerated(EnumType.STRING)
    private FileStatus status;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "content_id")
    private String contentId;
    @Column(name = "chunk_size")
    private Integer chunkSize;
    @Column(name = "chunk_hashes")
    private String chunkHashes;
    private String failure;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected GuideFile() {
    }

    public GuideFile(long guideId, int fileVersion, String fileName, String uploadedBy) {
        this.guideId = guideId;
        this.fileVersion = fileVersion;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.status = FileStatus.UPLOADING;
        this.startedAt = Instant.now();
    }

    public void complete(String mediaType, Chunking.ChunkedContent content) {
        this.mediaType = mediaType;
        this.sizeBytes = content.sizeBytes();
        this.contentId = content.contentId();
        this.chunkSize = content.chunkSizeBytes();
        this.chunkHashes = String.join("", content.chunkHashes());
        this.status = FileStatus.COMPLETE;
        this.completedAt = Instant.now();
    }

    public void fail(String reason) {
        this.status = FileStatus.FAILED;
        this.failure = reason == null ? "" : reason.length() > MAX_FAILURE ? reason.substring(0, MAX_FAILURE) : reason;
        this.completedAt = Instant.now();
    }

    public long getId() {
        return id;
    }

    public long getGuideId() {
        return guideId;
    }

    public int getFileVersion() {
        return fileVersion;
    }

    public FileStatus getStatus() {
        return status;
    }

    public String getContentId() {
        return contentId;
    }

    public String getMediaType() {
        return mediaType;
    }

    public GuideFileData toData() {
        List<String> hashes = new ArrayList<>();
        if (chunkHashes != null) {
            for (int i = 0; i + Sha256.HEX_LENGTH <= chunkHashes.length(); i += Sha256.HEX_LENGTH) {
                hashes.add(chunkHashes.substring(i, i + Sha256.HEX_LENGTH));
            }
        }
        return new GuideFileData(id, new GuideId(guideId), fileVersion, status, fileName, mediaType, sizeBytes,
                contentId, chunkSize, hashes, failure, uploadedBy, startedAt, completedAt);
    }
}
