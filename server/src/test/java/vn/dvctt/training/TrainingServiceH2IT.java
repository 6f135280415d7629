package vn.dvctt.training;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class TrainingServiceH2IT extends TrainingServiceContract {
}
