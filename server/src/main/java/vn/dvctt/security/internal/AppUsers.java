package vn.dvctt.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsernameIgnoreCase(String username);

    /** Users whose unit lies in a subtree, with the unit's code and name, in one query. */
    @Query("select u from AppUser u where u.unitPath like :pathPrefix order by u.unitPath, u.username")
    List<AppUser> findWithin(@Param("pathPrefix") String pathPrefix);

    @Query("select distinct u.unitId from AppUser u")
    Set<Long> findUnitIds();

    @Modifying
    @Query("update AppUser u set u.unitPath = :path where u.unitId = :unitId")
    int updateUnitPath(@Param("unitId") long unitId, @Param("path") String path);
}
