package vn.dvctt.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.security.internal.AppUser;
import vn.dvctt.security.internal.AppUsers;
import vn.dvctt.shared.InvalidInputException;

/**
 * User management within the caller's subtree. Passwords are generated, shown once and stored as
 * bcrypt hashes; there is no default password anywhere.
 */
@Service
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final String AUDIT_TYPE = "AppUser";

    private final AppUsers users;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserService(AppUsers users, UnitPaths unitPaths, CurrentUser currentUser, PasswordEncoder encoder,
                AuditLog audit) {
        this.users = users;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<UserData> list() {
        Scope scope = currentUser.scope();
        if (!scope.canListUsers()) {
            throw new OutsideScopeException("Your role does not manage users");
        }
        List<AppUser> found = users.findWithin(scope.unitPath() + "%");
        Map<UnitId, UnitLabel> labels = unitPaths.labels(found.stream().map(u -> new UnitId(u.getUnitId())).toList());
        return found.stream().map(u -> toData(u, labels.get(new UnitId(u.getUnitId())), scope)).toList();
    }

    /**
     * Sets or clears (blank) the address a user's notices are copied to by mail. A user sets his own;
     * administrators and organizers set it for users they manage.
     */
    @Transactional
    public void setEmail(long userId, String email) {
        Scope scope = currentUser.scope();
        AppUser user = users.findById(userId).orElseThrow(() -> new OutsideScopeException("No user " + userId));
        if (user.getId() != scope.userId() && !scope.canManageUser(user.getRole(), user.getUnitPath())) {
            throw new OutsideScopeException("User " + user.getUsername() + " is not yours to change");
        }
        String value = email == null || email.isBlank() ? null : email.strip();
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            throw new InvalidInputException("users.error.email", "Not an e-mail address: " + value, value);
        }
        String before = user.getEmail();
        user.setEmail(value);
        audit.record("SET_EMAIL", AUDIT_TYPE, user.getUsername(), user.getUnitPath(), before == null ? null : "set",
                value == null ? null : "set");
    }

    /**
     * The enabled users of exactly one unit with one of the roles, for scheduled work that tells
     * people about their unit's business (reminders). Only the system may ask: it hands out e-mail
     * addresses.
     */
    @Transactional(readOnly = true)
    public List<Recipient> recipientsAt(String unitPath, Set<Role> roles) {
        Scope scope = currentUser.scope();
        if (scope.userId() != 0 || scope.role() != Role.ADMIN) {
            throw new OutsideScopeException("Only scheduled work lists recipients");
        }
        return users.findEnabledAt(unitPath, roles).stream()
                .map(u -> new Recipient(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail())).toList();
    }

    /** Whether the installation has any user yet; start-up uses it to seed the first accounts. */
    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    @Transactional
    public CreatedUser create(NewUser request) {
        Scope scope = currentUser.scope();
        String username = request.username() == null ? "" : request.username().trim().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("users.error.username",
                    "A user name is 3-60 characters: a-z, 0-9, '.', '_' or '-'");
        }
        if (request.role() == null || request.unitId() == null) {
            throw new InvalidInputException("users.error.required", "A role and a unit are required");
        }
        String unitPath = unitPaths.pathOf(request.unitId())
                .orElseThrow(() -> new InvalidInputException("users.error.required", "No such unit"));
        if (!scope.canManageUser(request.role(), unitPath)) {
            throw new OutsideScopeException("You may not create this user there");
        }
        if (users.findByUsernameIgnoreCase(username).isPresent()) {
            throw new InvalidInputException("users.error.taken", "The user name " + username + " is taken", username);
        }
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username
                : request.displayName().trim();
        String password = PasswordGenerator.generate();
        AppUser user = users.save(new AppUser(username, displayName, encoder.encode(password), request.role(),
                request.unitId().value(), unitPath));
        audit.record("CREATE", AUDIT_TYPE, username, unitPath, null, request.role() + " @ " + unitPath);
        return new CreatedUser(toData(user), password);
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        AppUser user = manageable(userId);
        if (user.isEnabled() != enabled) {
            user.setEnabled(enabled);
            audit.record(enabled ? "ENABLE" : "DISABLE", AUDIT_TYPE, user.getUsername(), user.getUnitPath(),
                    String.valueOf(!enabled), String.valueOf(enabled));
        }
    }

    /** A new generated password, returned once. */
    @Transactional
    public String resetPassword(long userId) {
        AppUser user = manageable(userId);
        String password = PasswordGenerator.generate();
        user.setPasswordHash(encoder.encode(password));
        audit.record("RESET_PASSWORD", AUDIT_TYPE, user.getUsername(), user.getUnitPath(), null, null);
        return password;
    }

    /** Nobody disables or resets himself here: that is how an administrator locks himself out. */
    private AppUser manageable(long userId) {
        Scope scope = currentUser.scope();
        AppUser user = users.findById(userId).orElseThrow(() -> new OutsideScopeException("No such user"));
        if (user.getId() == scope.userId() || !scope.canManageUser(user.getRole(), user.getUnitPath())) {
            throw new OutsideScopeException("You may not manage this user");
        }
        return user;
    }

    /** Keeps each user's copy of his unit's path current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        Set<Long> unitsWithUsers = users.findUnitIds();
        event.newPaths().forEach((unit, path) -> {
            if (unitsWithUsers.contains(unit.value())) {
                users.updateUnitPath(unit.value(), path);
            }
        });
    }

    private UserData toData(AppUser user) {
        UnitId unit = new UnitId(user.getUnitId());
        return toData(user, unitPaths.labels(List.of(unit)).get(unit), currentUser.scope());
    }

    private static UserData toData(AppUser u, UnitLabel unit, Scope scope) {
        boolean manageable = u.getId() != scope.userId() && scope.canManageUser(u.getRole(), u.getUnitPath());
        return new UserData(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isEnabled(),
                unit == null ? "" : unit.code(), unit == null ? "" : unit.displayName(), manageable, u.getEmail());
    }
}
