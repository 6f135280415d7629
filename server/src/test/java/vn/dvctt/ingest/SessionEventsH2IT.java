package vn.dvctt.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "dvctt.test.journey=session-events")
@ActiveProfiles("test")
class SessionEventsH2IT extends SessionEventsContract {
}
