package vn.dvctt.guide;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class GuideServiceH2IT extends GuideServiceContract {
}
