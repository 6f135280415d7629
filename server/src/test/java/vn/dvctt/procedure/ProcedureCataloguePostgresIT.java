package vn.dvctt.procedure;

import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
class ProcedureCataloguePostgresIT extends ProcedureCatalogueContract {
}
