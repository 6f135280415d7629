package vn.dvctt.device;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class DeviceServicePostgresIT extends DeviceServiceContract {
}
