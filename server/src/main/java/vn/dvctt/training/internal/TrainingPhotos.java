package vn.dvctt.training.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingPhotos extends JpaRepository<TrainingPhoto, Long> {

    List<TrainingPhoto> findBySessionIdOrderByUploadedAt(long sessionId);

    boolean existsBySessionIdAndSha256(long sessionId, String sha256);

    boolean existsBySessionIdAndThumbnailSha256(long sessionId, String thumbnailSha256);

    long countBySessionId(long sessionId);
}
