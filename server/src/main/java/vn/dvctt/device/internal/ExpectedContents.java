package vn.dvctt.device.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExpectedContents extends JpaRepository<ExpectedContent, DeviceContent.Key> {

    @Query("select e.contentId from ExpectedContent e where e.deviceId = :deviceId")
    List<String> contentIdsOf(@Param("deviceId") String deviceId);

    @Modifying(flushAutomatically = true)
    @Query("delete from ExpectedContent e where e.deviceId = :deviceId")
    int deleteByDevice(@Param("deviceId") String deviceId);
}
