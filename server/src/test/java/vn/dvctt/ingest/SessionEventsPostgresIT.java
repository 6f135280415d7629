package vn.dvctt.ingest;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class SessionEventsPostgresIT extends SessionEventsContract {
}
