package vn.dvctt.team;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class TeamServicePostgresIT extends TeamServiceContract {
}
