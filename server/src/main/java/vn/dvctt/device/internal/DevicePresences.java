package vn.dvctt.device.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DevicePresences extends JpaRepository<DevicePresence, String> {

    /** Enrolled devices whose last word was that they are online, as the Devices page counts them. */
    @Query("select count(p) from DevicePresence p, Device d where d.deviceId = p.deviceId and p.online = true"
            + " and d.state = vn.dvctt.device.DeviceState.ENROLLED")
    long countOnline();
}
