package vn.dvctt.device;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class DeviceServiceH2IT extends DeviceServiceContract {
}
