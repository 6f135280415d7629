package vn.dvctt;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The services on the embedded default: H2. */
@SpringBootTest
@ActiveProfiles("test")
class ScopedServicesH2IT extends ScopedServicesContract {
}
