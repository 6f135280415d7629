package vn.dvctt.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.procedure.ProcedureImportReport;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.CreatedUser;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.NewUser;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserService;

/**
 * The demo province for the first run: Quảng Ninh before the 2025 merger (13 district-level units,
 * 96 of its communes, 563 villages), loaded through the same import and user services that people
 * use. District codes are GSO's; commune and village codes are illustrative. Runs only on an
 * empty user table, so the generated passwords are printed exactly once.
 */
@Component
@ConditionalOnProperty(name = "dvctt.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final AdminUnitService units;
    private final UserService users;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final ProcedureService procedures;
    private final PlatformTransactionManager transactions;
    private final String port;
    private final List<DemoContributor> contributors;

    DemoData(AdminUnitService units, UserService users, UnitPaths unitPaths, CurrentUser currentUser,
             ProcedureService procedures, PlatformTransactionManager transactions,
             @Value("${server.port:8080}") String port, List<DemoContributor> contributors) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).toList();
        this.transactions = transactions;
        this.procedures = procedures;
        this.units = units;
        this.users = users;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.port = port;
    }

    private record DemoUser(String username, String displayName, Role role, String unitCode) {
    }

    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", "Quản trị hệ thống", Role.ADMIN, "VN"),
            new DemoUser("sotttt.quangninh", "Sở Thông tin và Truyền thông Quảng Ninh", Role.ORGANIZER, "22"),
            new DemoUser("lanhdao.quangninh", "Lãnh đạo UBND tỉnh Quảng Ninh", Role.LEADER, "22"),
            new DemoUser("xa.hoanhmo", "Cán bộ UBND xã Hoành Mô", Role.ORGANIZER, "06757"),
            new DemoUser("to.congnghe.khemo", "Tổ công nghệ số cộng đồng bản Khe Mạ", Role.TEAM_MEMBER, "06757-07"));

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        try {
            load(lines);
        } catch (DataIntegrityViolationException e) {
            // Several instances started together on an empty database: another one loaded the demo.
            log.info("Demo data is being loaded by another server instance");
            return;
        }
        log.info("""

                ==================================================================
                 DVCTT demo is ready. Sign in at http://localhost:{}/login
                 These passwords are shown once; change them or create your own.
                {}
                ==================================================================""",
                port, String.join("\n", lines));
    }

    /** One transaction: with several instances one loads everything and the others nothing. */
    private void load(List<String> lines) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> currentUser.runAsSystem(() -> {
            UnitImportReport report = importUnits();
            log.info("Demo province loaded: {} units created", report.created());
            ProcedureImportReport procedureReport = importProcedures();
            log.info("Demo procedure catalogue loaded: {} procedures", procedureReport.created());
            for (DemoUser demo : DEMO_USERS) {
                UnitId unit = unitPaths.idOfCode(demo.unitCode()).orElseThrow();
                CreatedUser created = users.create(new NewUser(demo.username(), demo.displayName(), demo.role(), unit));
                lines.add(String.format(" %-20s %-12s %s", demo.username(), demo.role(), created.initialPassword()));
            }
            for (DemoContributor contributor : contributors) {
                contributor.load();
                log.info("Demo data added by {}", contributor.getClass().getSimpleName());
            }
            return null;
        }));
    }

    /** Fifteen common procedures, nine of them essential public services; the codes are demo codes. */
    private ProcedureImportReport importProcedures() {
        try (InputStream in = new ClassPathResource("demo/procedures.csv").getInputStream()) {
            ProcedureImportReport report = procedures.importFile(in, "procedures.csv");
            if (!report.applied()) {
                throw new IllegalStateException("Demo procedures refused: " + report.problems());
            }
            return report;
        } catch (IOException e) {
            throw new IllegalStateException("Demo procedures missing from the classpath", e);
        }
    }

    private UnitImportReport importUnits() {
        try (InputStream in = new ClassPathResource("demo/quang-ninh-units.csv").getInputStream()) {
            UnitImportReport report = units.importUnits(in, "quang-ninh-units.csv");
            if (!report.applied()) {
                throw new IllegalStateException("Demo units refused: " + report.problems());
            }
            return report;
        } catch (IOException e) {
            throw new IllegalStateException("Demo units missing from the classpath", e);
        }
    }
}
