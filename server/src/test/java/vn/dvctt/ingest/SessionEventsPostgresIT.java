package vn.dvctt.ingest;

import org.springframework.test.context.TestPropertySource;
import vn.dvctt.support.PostgresAndBroker;

// Its own context: it commits the shared fixture, which other PostgreSQL tests load into theirs. Its own
// share group: the other contexts in this JVM read the same local broker's events channel.
@PostgresAndBroker
@TestPropertySource(properties = {"dvctt.test.journey=session-events-pg",
        "dvctt.ingest.share-group=session-events-${random.uuid}"})
class SessionEventsPostgresIT extends SessionEventsContract {
}
