package vn.dvctt.training;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class TrainingServicePostgresIT extends TrainingServiceContract {
}
