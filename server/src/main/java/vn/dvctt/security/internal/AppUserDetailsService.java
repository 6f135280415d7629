package vn.dvctt.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;

@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUsers users;
    private final LoginThrottle throttle;

    AppUserDetailsService(AppUsers users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsernameIgnoreCase(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        // A locked account is refused before its password is even checked (Spring's pre-check).
        boolean locked = throttle.lockedUntil(username).isPresent();
        return new AppUserPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                new UnitId(user.getUnitId()), user.getPasswordHash(), user.isEnabled(), locked);
    }
}
