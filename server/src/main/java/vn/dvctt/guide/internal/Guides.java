package vn.dvctt.guide.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dvctt.guide.GuideStatus;

public interface Guides extends JpaRepository<Guide, Long> {

    /**
     * Guides whose owner is under {@code pathPrefix} in any of {@code statusesBelow}, or whose owner is
     * one of {@code ancestors} (a library above the caller) in one of {@code statusesAbove}. Filters are
     * collections (all values when unfiltered) so no parameter is ever null: PostgreSQL cannot type a
     * bare null parameter in {@code :p is null}.
     */
    @Query("select g from Guide g where g.searchTitle like :term escape '\\' "
            + "and ((g.ownerPath like :pathPrefix escape '\\' and g.status in :statusesBelow) "
            + "  or (g.ownerPath in :ancestors and g.status in :statusesAbove)) "
            + "and g.status in :statuses and g.essential in :essentials and g.language in :languages")
    List<Guide> search(@Param("term") String term, @Param("pathPrefix") String pathPrefix,
                       @Param("statusesBelow") Collection<GuideStatus> statusesBelow,
                       @Param("ancestors") Collection<String> ancestors,
                       @Param("statusesAbove") Collection<GuideStatus> statusesAbove,
                       @Param("statuses") Collection<GuideStatus> statuses,
                       @Param("essentials") Collection<Boolean> essentials,
                       @Param("languages") Collection<String> languages, Limit limit);

    @Query("select distinct g.ownerUnitId from Guide g")
    Set<Long> findOwnerUnitIds();

    @Modifying
    @Query("update Guide g set g.ownerPath = :path where g.ownerUnitId = :unitId")
    int updateOwnerPath(@Param("unitId") long unitId, @Param("path") String path);
}
