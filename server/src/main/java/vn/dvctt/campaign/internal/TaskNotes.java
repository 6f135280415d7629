package vn.dvctt.campaign.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TaskNotes extends JpaRepository<TaskNote, Long> {

    @Query("select n from TaskNote n where n.taskId = :taskId order by n.writtenAt desc, n.id desc")
    List<TaskNote> ofTask(@Param("taskId") long taskId);

    @Query("select n.taskId, count(n) from TaskNote n where n.taskId in :taskIds group by n.taskId")
    List<Object[]> countByTask(@Param("taskIds") Collection<Long> taskIds);

    boolean existsByEvidenceSha256AndTaskIdIn(String evidenceSha256, Collection<Long> taskIds);
}
