package vn.dvctt.guide.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GuideStatusChanges extends JpaRepository<GuideStatusChangeRow, Long> {

    List<GuideStatusChangeRow> findByGuideIdOrderByIdDesc(long guideId);
}
