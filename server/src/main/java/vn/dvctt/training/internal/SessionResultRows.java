package vn.dvctt.training.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.dvctt.training.ResultSource;

public interface SessionResultRows extends JpaRepository<SessionResult, Long> {

    Optional<SessionResult> findBySessionIdAndSource(long sessionId, ResultSource source);

    List<SessionResult> findBySessionId(long sessionId);

    List<SessionResult> findBySessionIdIn(Collection<Long> sessionIds);
}
