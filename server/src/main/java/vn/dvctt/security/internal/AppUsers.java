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

    /** Enabled users of exactly one unit with one of the roles: who answers for that unit's work. */
    @Query("select u from AppUser u where u.unitPath = :path and u.role in :roles and u.enabled = true order by u.username")
    List<AppUser> findEnabledAt(@Param("path") String path, @Param("roles") Set<vn.dvctt.security.Role> roles);

    @Query("select distinct u.unitId from AppUser u")
    Set<Long> findUnitIds();

    @Modifying
    @Query("update AppUser u set u.unitPath = :path where u.unitId = :unitId")
    int updateUnitPath(@Param("unitId") long unitId, @Param("path") String path);
}
