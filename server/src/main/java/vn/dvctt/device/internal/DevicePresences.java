package vn.dvctt.device.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DevicePresences extends JpaRepository<DevicePresence, String> {
}
