package vn.dvctt.audit.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditEvents extends JpaRepository<AuditEvent, Long> {

    @Query("select e from AuditEvent e where e.unitPath like :pathPrefix order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findWithin(@Param("pathPrefix") String pathPrefix, Limit limit);
}
