package vn.dvctt.ingest;

import org.springframework.test.context.TestPropertySource;
import vn.dvctt.support.PostgresAndBroker;

// its own context: it commits the shared fixture, which other PostgreSQL tests load into theirs
@PostgresAndBroker
@TestPropertySource(properties = "dvctt.test.journey=session-events-pg")
class SessionEventsPostgresIT extends SessionEventsContract {
}
