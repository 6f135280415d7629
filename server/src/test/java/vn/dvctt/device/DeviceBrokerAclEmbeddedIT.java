package vn.dvctt.device;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The embedded default: HiveMQ CE inside the server, devices checked against the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "dvctt.test.context=device-acl-embedded")
class DeviceBrokerAclEmbeddedIT extends DeviceBrokerAclContract {
}
