package vn.dvctt.team.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Teams extends JpaRepository<Team, Long> {

    @Query("select t from Team t where t.unitPath like :pathPrefix escape '\\' order by t.unitPath, t.searchName")
    List<Team> findWithin(@Param("pathPrefix") String pathPrefix);

    @Query("select t from Team t where t.unitPath like :pathPrefix escape '\\' and t.disbandedOn is null")
    List<Team> findActiveWithin(@Param("pathPrefix") String pathPrefix);

    @Query("select t from Team t where t.unitId = :unitId and t.searchName = :searchName")
    Optional<Team> findByUnitAndName(@Param("unitId") long unitId, @Param("searchName") String searchName);

    List<Team> findByUnitIdIn(Collection<Long> unitIds);

    @Query("select t from Team t where t.unitPath in :paths and t.disbandedOn is null")
    List<Team> findActiveAt(@Param("paths") Collection<String> paths);
}
