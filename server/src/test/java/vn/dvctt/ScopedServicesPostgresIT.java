package vn.dvctt;

import vn.dvctt.support.PostgresAndBroker;

/** The same services on PostgreSQL, as in production. */
@PostgresAndBroker
class ScopedServicesPostgresIT extends ScopedServicesContract {
}
