package vn.dvctt.campaign.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Campaigns extends JpaRepository<Campaign, Long> {

    /** Campaigns over the caller's area or inside it: a commune sees its province's campaign. */
    @Query("select c from Campaign c where c.scopeUnitPath like concat(:path, '%') "
            + "or :path like concat(c.scopeUnitPath, '%') order by c.startsOn desc, c.id desc")
    List<Campaign> visibleFrom(@Param("path") String path);

    @Modifying
    @Query("update Campaign c set c.scopeUnitPath = :path where c.scopeUnitId = :unitId")
    int repath(@Param("unitId") long unitId, @Param("path") String path);
}
