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

    /** The version a device may fetch chunks for; empty when it has none or was retired. */
    @Query("select m.version from SyncManifest m where m.deviceId = :deviceId and m.retiredAt is null")
    Optional<Long> liveVersion(@Param("deviceId") String deviceId);
}
