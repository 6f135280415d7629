package vn.dvctt.venue;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class VenueServiceH2IT extends VenueServiceContract {
}
