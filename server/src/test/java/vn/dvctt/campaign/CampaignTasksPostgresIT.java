package vn.dvctt.campaign;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class CampaignTasksPostgresIT extends CampaignTasksContract {
}
