package vn.dvctt.geo.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AdminUnits extends JpaRepository<AdminUnit, Long> {

    /** A unit with whether it has children, in one round trip. */
    interface Row {
        AdminUnit getUnit();

        boolean getHasChildren();
    }

    String WITH_CHILD_FLAG = "select u as unit, (case when exists "
            + "(select 1 from AdminUnit c where c.parentId = u.id) then true else false end) as hasChildren "
            + "from AdminUnit u ";

    @Query(WITH_CHILD_FLAG + "where u.parentId = :parentId")
    List<Row> findChildren(@Param("parentId") long parentId);

    @Query(WITH_CHILD_FLAG + "where u.id = :id")
    Optional<Row> findRow(@Param("id") long id);

    @Query(WITH_CHILD_FLAG + "where u.code = :code")
    Optional<Row> findRowByCode(@Param("code") String code);

    @Query(WITH_CHILD_FLAG + "where u.path like :pathPrefix escape '\\' and "
            + "(u.searchName like :term escape '\\' or lower(u.code) like :codePrefix escape '\\') "
            + "order by u.depth, u.searchName")
    List<Row> search(@Param("pathPrefix") String pathPrefix, @Param("term") String term,
                     @Param("codePrefix") String codePrefix, Limit limit);

    @Query("select u.path from AdminUnit u where u.id = :id")
    Optional<String> findPathById(@Param("id") long id);

    @Query("select u.id, u.code, u.path, u.type from AdminUnit u where u.code in :codes")
    List<Object[]> findPlaces(@Param("codes") Collection<String> codes);

    @Query("select u.path from AdminUnit u where u.path like :prefix and u.type in :types")
    List<String> findPathsOfTypes(@Param("prefix") String prefix, @Param("types") Collection<vn.dvctt.geo.UnitType> types);

    @Query("select u.id, u.code, u.name, u.type, u.path from AdminUnit u where u.path like :prefix and u.type in :types")
    List<Object[]> findLabelsOfTypes(@Param("prefix") String prefix,
                                     @Param("types") Collection<vn.dvctt.geo.UnitType> types);

    @Query("select u.type from AdminUnit u where u.id = :id")
    Optional<vn.dvctt.geo.UnitType> findTypeById(@Param("id") long id);

    @Query("select u.id from AdminUnit u where u.code = :code")
    Optional<Long> findIdByCode(@Param("code") String code);

    Optional<AdminUnit> findByCode(String code);

    @Query("select u.id, u.code, u.name, u.type from AdminUnit u where u.id in :ids")
    List<Object[]> findLabels(@Param("ids") Collection<Long> ids);

    @Query("select u.code, u.name, u.type from AdminUnit u where u.code in :codes")
    List<Object[]> findNames(@Param("codes") Collection<String> codes);

    @Query("select u.type, count(u) from AdminUnit u where u.path like :pathPrefix escape '\\' group by u.type")
    List<Object[]> countByTypeWithin(@Param("pathPrefix") String pathPrefix);
}
