package vn.dvctt.venue;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class VenueServicePostgresIT extends VenueServiceContract {
}
