package vn.dvctt.campaign;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class CampaignTasksH2IT extends CampaignTasksContract {
}
