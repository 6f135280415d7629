package vn.dvctt.guide.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GuidePublications extends JpaRepository<GuidePublication, Long> {

    List<GuidePublication> findByGuideIdOrderByPriorityAscIdAsc(long guideId);

    /** Rules reaching a venue: those naming it, and those of its unit or any unit above it. */
    @Query("select p from GuidePublication p where (p.venueId = :venueId) "
            + "or (p.venueId is null and p.targetPath in :unitPaths)")
    List<GuidePublication> reaching(@Param("venueId") long venueId, @Param("unitPaths") Collection<String> unitPaths);

    @Query("select p from GuidePublication p where p.venueId is null and p.targetPath in :unitPaths")
    List<GuidePublication> reachingUnit(@Param("unitPaths") Collection<String> unitPaths);

    @Query("select distinct p.targetUnitId from GuidePublication p")
    Set<Long> findTargetUnitIds();

    @Modifying
    @Query("update GuidePublication p set p.targetPath = :path where p.targetUnitId = :unitId")
    int updateTargetPath(@Param("unitId") long unitId, @Param("path") String path);
}
