package vn.dvctt.sync;

import org.springframework.context.annotation.Import;
import vn.dvctt.support.PostgresAndBroker;

@PostgresAndBroker
@Import(ContentSyncContract.Areas.class)
class ContentSyncPostgresIT extends ContentSyncContract {
}
