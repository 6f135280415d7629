package vn.dvctt.procedure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ProcedureCatalogueH2IT extends ProcedureCatalogueContract {
}
