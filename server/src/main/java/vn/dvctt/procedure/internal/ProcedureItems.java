package vn.dvctt.procedure.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProcedureItems extends JpaRepository<ProcedureItem, Long> {

    Optional<ProcedureItem> findByCode(String code);

    @Query("select p from ProcedureItem p where p.searchName like :term escape '\\' "
            + "and (:essentialOnly = false or p.essential = true) order by p.code")
    List<ProcedureItem> search(@Param("term") String term, @Param("essentialOnly") boolean essentialOnly, Limit limit);

    @Query("select count(p) from ProcedureItem p where p.essential = true")
    long countEssential();
}
