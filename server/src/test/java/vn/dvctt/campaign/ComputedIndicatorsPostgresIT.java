package vn.dvctt.campaign;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class ComputedIndicatorsPostgresIT extends ComputedIndicatorsContract {
}
