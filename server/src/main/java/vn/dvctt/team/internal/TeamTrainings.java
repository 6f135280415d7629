package vn.dvctt.team.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamTrainings extends JpaRepository<TeamTraining, Long> {

    List<TeamTraining> findByPersonIdInOrderByCompletedOn(Collection<Long> personIds);
}
