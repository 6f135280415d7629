package vn.dvctt.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;

/**
 * The scope of whoever is calling. The unit's path is read from the database on each call, not
 * cached in the session, so that a unit moved by an import on another server instance is honoured.
 */
@Component
public class CurrentUser {

    private final UnitPaths unitPaths;

    CurrentUser(UnitPaths unitPaths) {
        this.unitPaths = unitPaths;
    }

    public Optional<ScopedPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ScopedPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The caller's scope; refuses anonymous callers. */
    public Scope scope() {
        ScopedPrincipal p = principal().orElseThrow(() -> new OutsideScopeException("Not signed in"));
        String path = unitPaths.pathOf(p.unitId())
                .orElseThrow(() -> new OutsideScopeException("The user's unit no longer exists"));
        return new Scope(p.userId(), p.username(), p.role(), p.unitId(), path);
    }

    /** The actor's name for the audit log: the user, or "system" for start-up and scheduled work. */
    public String actorName() {
        return principal().map(ScopedPrincipal::username).orElse("system");
    }

    /**
     * Runs work as the administrator of the root, for start-up data and scheduled jobs, which have
     * no user but go through the same scoped services.
     */
    public <T> T runAsSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UnitId root = unitPaths.idOfCode("VN").orElseThrow();
        ScopedPrincipal system = new SystemPrincipal(root);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(system, null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record SystemPrincipal(UnitId unitId) implements ScopedPrincipal {
        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String username() {
            return "system";
        }

        @Override
        public Role role() {
            return Role.ADMIN;
        }
    }
}
