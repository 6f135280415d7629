package vn.dvctt.campaign;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class CampaignSnapshotsPostgresIT extends CampaignSnapshotsContract {
}
