package vn.dvctt.device;

import org.springframework.test.context.TestPropertySource;
import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
@TestPropertySource(properties = "dvctt.test.context=enrollment-race")
class EnrollmentRacePostgresIT extends EnrollmentRaceContract {
}
