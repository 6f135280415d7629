package vn.dvctt.security.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.dvctt.geo.UnitId;
import vn.dvctt.security.Role;
import vn.dvctt.security.ScopedPrincipal;

/** The signed-in user as kept in the HTTP session: identity and unit id, never the unit's path. */
public record AppUserPrincipal(long userId, String username, String displayName, Role role, UnitId unitId,
                               String passwordHash, boolean enabled, boolean locked)
        implements UserDetails, ScopedPrincipal, Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }
}
