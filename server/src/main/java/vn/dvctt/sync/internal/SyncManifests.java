package vn.dvctt.sync.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SyncManifests extends JpaRepository<SyncManifest, String> {

    /** The row locked until the transaction ends: publishes for one device run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from SyncManifest m where m.deviceId = :deviceId")
    Optional<SyncManifest> lockById(@Param("deviceId") String deviceId);

    /** Live manifests in device order, a page at a time, to publish them again. */
    @Query("select m from SyncManifest m where m.retiredAt is null and m.deviceId > :after order by m.deviceId")
    java.util.List<SyncManifest> liveAfter(@Param("after") String after, org.springframework.data.domain.Pageable page);

    /** The version a device may fetch chunks for; empty when it has none or was retired. */
    @Query("select m.version from SyncManifest m where m.deviceId = :deviceId and m.retiredAt is null")
    Optional<Long> liveVersion(@Param("deviceId") String deviceId);
}
