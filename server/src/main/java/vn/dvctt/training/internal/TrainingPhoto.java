package vn.dvctt.training.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dvctt.media.StoredImage;
import vn.dvctt.training.SessionPhoto;

@Entity
@Table(name = "training_photo")
public class TrainingPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private long sessionId;
    private String sha256;
    @Column(name = "thumbnail_sha256")
    private String thumbnailSha256;
    @Column(name = "media_type")
    private String mediaType;
    private int width;
    private int height;
    @Column(name = "size_bytes")
    private long bytes;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected TrainingPhoto() {
    }

    public TrainingPhoto(long sessionId, StoredImage image, String actor) {
        this.sessionId = sessionId;
        sha256 = image.sha256();
        thumbnailSha256 = image.thumbnailSha256();
        mediaType = image.mediaType();
        width = image.width();
        height = image.height();
        bytes = image.bytes();
        uploadedAt = Instant.now();
        uploadedBy = actor;
    }

    public SessionPhoto toData() {
        return new SessionPhoto(id, sessionId, sha256, thumbnailSha256, mediaType, width, height, uploadedAt, uploadedBy);
    }
}
