package vn.dvctt.sync;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(ContentSyncContract.Areas.class)
class ContentSyncH2IT extends ContentSyncContract {
}
