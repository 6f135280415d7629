package vn.dvctt.device.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeviceContents extends JpaRepository<DeviceContent, DeviceContent.Key> {

    List<DeviceContent> findByDeviceIdOrderByContentId(String deviceId);

    @Modifying(flushAutomatically = true)
    @Query("delete from DeviceContent c where c.deviceId = :deviceId")
    int deleteByDevice(@Param("deviceId") String deviceId);

    /** Per device: [deviceId, contents listed, contents complete]. */
    @Query("select c.deviceId, count(c), sum(case when c.complete = true then 1 else 0 end) from DeviceContent c "
            + "where c.deviceId in :ids group by c.deviceId")
    List<Object[]> countByDevice(@Param("ids") Collection<String> ids);

    /** Per device: [deviceId, contents its manifest lists]. */
    @Query("select e.deviceId, count(e) from ExpectedContent e where e.deviceId in :ids group by e.deviceId")
    List<Object[]> countExpectedByDevice(@Param("ids") Collection<String> ids);

    /** Per device: [deviceId, contents its manifest lists that it holds complete]. */
    @Query("select c.deviceId, count(c) from DeviceContent c where c.deviceId in :ids and c.complete = true "
            + "and exists (select 1 from ExpectedContent e where e.deviceId = c.deviceId and e.contentId = c.contentId) "
            + "group by c.deviceId")
    List<Object[]> countExpectedCompleteByDevice(@Param("ids") Collection<String> ids);

    /** Per content held within the area: [contentId, devices complete, devices holding any of it]. */
    @Query("select c.contentId, sum(case when c.complete = true then 1 else 0 end), count(c) "
            + "from DeviceContent c, Device d where d.deviceId = c.deviceId and d.unitPath like :pathPrefix escape '\\' "
            + "group by c.contentId")
    List<Object[]> coverageWithin(@Param("pathPrefix") String pathPrefix);

    /** Per content expected within the area: [contentId, devices expecting it]. */
    @Query("select e.contentId, count(e) from ExpectedContent e, Device d where d.deviceId = e.deviceId "
            + "and d.unitPath like :pathPrefix escape '\\' group by e.contentId")
    List<Object[]> expectedWithin(@Param("pathPrefix") String pathPrefix);
}
