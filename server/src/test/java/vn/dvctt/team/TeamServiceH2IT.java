package vn.dvctt.team;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class TeamServiceH2IT extends TeamServiceContract {
}
