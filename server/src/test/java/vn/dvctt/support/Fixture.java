package vn.dvctt.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.NewUser;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserService;

/**
 * A small real tree, two provinces with districts, communes and villages, and one user per role
 * at different places in it, loaded through the application's own services.
 */
@Component
public class Fixture {

    public static final String UNITS_CSV = """
            code,name,type,parent_code
            22,Quảng Ninh,Tỉnh,
            198,Bình Liêu,Huyện,22
            06757,Hoành Mô,Xã,198
            06760,Đồng Văn,Xã,198
            06757-01,Pắc Pộc,Bản,06757
            06757-02,Khe Mạ,Bản,06757
            06760-01,Nà Sa,Bản,06760
            193,Hạ Long,Thành phố,22
            06652,Hồng Gai,Phường,193
            67,Đắk Nông,Tỉnh,
            24616,Quảng Sơn,Xã,67
            """;

    /** Users by name: role @ unit code. */
    public static final Map<String, Object[]> USERS = Map.of(
            "root.admin", new Object[] {Role.ADMIN, "VN"},
            "qn.admin", new Object[] {Role.ADMIN, "22"},
            "qn.organizer", new Object[] {Role.ORGANIZER, "22"},
            "hoanhmo.organizer", new Object[] {Role.ORGANIZER, "06757"},
            "qn.leader", new Object[] {Role.LEADER, "22"},
            "pacpoc.member", new Object[] {Role.TEAM_MEMBER, "06757-01"});

    private final AdminUnitService units;
    private final UserService users;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final UserDetailsService userDetails;
    private final Map<String, String> passwords = new HashMap<>();

    Fixture(AdminUnitService units, UserService users, UnitPaths unitPaths, CurrentUser currentUser,
            UserDetailsService userDetails) {
        this.units = units;
        this.users = users;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.userDetails = userDetails;
    }

    /** Loads the tree and the users (inside the caller's transaction, if any). */
    public void load() {
        currentUser.runAsSystem(() -> {
            UnitImportReport report = importCsv(UNITS_CSV);
            if (!report.applied()) {
                throw new IllegalStateException(report.problems().toString());
            }
            USERS.forEach((name, spec) -> passwords.put(name, users.create(new NewUser(name, name, (Role) spec[0],
                    unitPaths.idOfCode((String) spec[1]).orElseThrow())).initialPassword()));
            return null;
        });
    }

    public long userId(String username) {
        return users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().id();
    }

    public String password(String username) {
        return passwords.get(username);
    }

    public UnitImportReport importCsv(String csv) {
        return units.importUnits(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "units.csv");
    }

    /** Runs work signed in as this fixture user, exactly as a request of his would. */
    public <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        signIn(userDetails, username);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    public static void signIn(UserDetailsService userDetails, String username) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UserDetails user = userDetails.loadUserByUsername(username);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
