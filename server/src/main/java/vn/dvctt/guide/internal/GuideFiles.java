package vn.dvctt.guide.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dvctt.guide.FileStatus;

public interface GuideFiles extends JpaRepository<GuideFile, Long> {

    List<GuideFile> findByGuideIdOrderByFileVersionDesc(long guideId);

    @Query("select coalesce(max(f.fileVersion), 0) from GuideFile f where f.guideId = :guideId")
    int maxVersion(@Param("guideId") long guideId);

    Optional<GuideFile> findFirstByGuideIdAndStatusOrderByFileVersionDesc(long guideId, FileStatus status);

    /** The newest complete file of each guide. */
    @Query("select f from GuideFile f where f.guideId in :guideIds and f.status = 'COMPLETE' "
            + "and f.fileVersion = (select max(g.fileVersion) from GuideFile g "
            + "  where g.guideId = f.guideId and g.status = 'COMPLETE')")
    List<GuideFile> findCurrent(@Param("guideIds") Collection<Long> guideIds);

    boolean existsByGuideIdAndContentId(long guideId, String contentId);

    Optional<GuideFile> findByGuideIdAndFileVersion(long guideId, int fileVersion);

    long countByStatus(FileStatus status);
}
