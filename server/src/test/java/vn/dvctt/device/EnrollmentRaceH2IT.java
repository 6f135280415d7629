package vn.dvctt.device;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "dvctt.test.context=enrollment-race")
class EnrollmentRaceH2IT extends EnrollmentRaceContract {
}
