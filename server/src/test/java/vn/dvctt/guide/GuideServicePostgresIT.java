package vn.dvctt.guide;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class GuideServicePostgresIT extends GuideServiceContract {
}
