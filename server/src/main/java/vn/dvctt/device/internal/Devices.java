package vn.dvctt.device.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Devices extends JpaRepository<Device, Long> {

    Optional<Device> findByDeviceId(String deviceId);

    Optional<Device> findByCodeHash(String codeHash);

    boolean existsByDeviceId(String deviceId);

    @Query("select d from Device d where d.unitPath like :pathPrefix escape '\\' order by d.unitPath, d.venueName, d.deviceId")
    List<Device> findWithin(@Param("pathPrefix") String pathPrefix, Limit limit);

    /** Enrolled devices under a unit path, as (device id, venue id) pairs, for issuing manifests. */
    @Query("select d.deviceId, d.venueId from Device d where d.unitPath like :pathPrefix escape '\\' "
            + "and d.state = vn.dvctt.device.DeviceState.ENROLLED order by d.deviceId")
    List<Object[]> enrolledWithin(@Param("pathPrefix") String pathPrefix);

    /** Enrolled devices after a device id, in id order: one page of a walk over the whole fleet. */
    @Query("select d.deviceId, d.venueId from Device d where d.state = vn.dvctt.device.DeviceState.ENROLLED "
            + "and d.deviceId > :after order by d.deviceId")
    List<Object[]> enrolledAfter(@Param("after") String after, Limit limit);

    List<Device> findByVenueId(long venueId);

    @Query("select d from Device d where d.venueId = :venueId and d.state <> vn.dvctt.device.DeviceState.REVOKED")
    List<Device> findActiveAtVenue(@Param("venueId") long venueId);

    /**
     * Consumes a code: succeeds (1) for exactly one caller even across server instances, because the
     * row's condition is re-checked by the database under its row lock. 0 means used, expired, revoked
     * or unknown; the caller looks up which.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Device d set d.state = vn.dvctt.device.DeviceState.ENROLLED, d.codeUsedAt = :now, "
            + "d.enrolledAt = :now, d.passwordHash = :passwordHash, d.version = d.version + 1 "
            + "where d.codeHash = :codeHash and d.state = vn.dvctt.device.DeviceState.PENDING "
            + "and d.codeUsedAt is null and d.codeExpiresAt > :now")
    int consumeCode(@Param("codeHash") String codeHash, @Param("passwordHash") String passwordHash,
                    @Param("now") Instant now);

    /** The broker's view of an account: read on every connect, so a revocation counts at once. */
    @Query("select d.state as state, d.passwordHash as passwordHash from Device d where d.deviceId = :deviceId")
    Optional<Credentials> findCredentials(@Param("deviceId") String deviceId);

    interface Credentials {
        vn.dvctt.device.DeviceState getState();

        String getPasswordHash();
    }

    @Query("select d.deviceId from Device d where d.brokerPending = true")
    List<String> findBrokerPending(Limit limit);

    @Modifying
    @Query("update Device d set d.brokerPending = false where d.deviceId = :deviceId")
    int clearBrokerPending(@Param("deviceId") String deviceId);

    @Query("select distinct d.unitId from Device d")
    List<Long> findUnitIds();

    @Modifying
    @Query("update Device d set d.unitPath = :path where d.unitId = :unitId")
    int updateUnitPath(@Param("unitId") long unitId, @Param("path") String path);

    @Query("select d.deviceId from Device d where d.deviceId in :ids")
    List<String> findExisting(@Param("ids") Collection<String> ids);
}
