package vn.dvctt.venue.internal;

import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Venues extends JpaRepository<Venue, Long> {

    @Query("select v from Venue v where v.unitPath like :pathPrefix escape '\\' "
            + "and v.searchName like :term escape '\\'")
    List<Venue> search(@Param("pathPrefix") String pathPrefix, @Param("term") String term, Limit limit);

    @Query("select distinct v.unitId from Venue v")
    Set<Long> findUnitIds();

    @Modifying
    @Query("update Venue v set v.unitPath = :path where v.unitId = :unitId")
    int updateUnitPath(@Param("unitId") long unitId, @Param("path") String path);
}
