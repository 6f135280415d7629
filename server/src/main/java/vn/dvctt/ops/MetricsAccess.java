package vn.dvctt.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may read {@code /actuator/prometheus}: a scraper cannot sign in through the login form, so the
 * endpoint is open without login to the addresses in {@code dvctt.metrics.allowed-addresses} (CIDR list,
 * default loopback only) and closed to everyone else. In compose and Kubernetes the actuator also sits
 * on its own port ({@code MANAGEMENT_SERVER_PORT=9090}) that neither the Ingress nor a reverse proxy
 * reaches; see deploy/OPERATIONS.md, "Metrics". The address is the TCP peer as the servlet container
 * sees it: behind a reverse proxy on the same machine every request comes from 127.0.0.1, which is why
 * the separate port, not the address list alone, is the production set-up.
 */
@Configuration
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain prometheusScrapeChain(HttpSecurity http,
            @Value("${dvctt.metrics.allowed-addresses:127.0.0.1/32,::1/128}") String allowed) throws Exception {
        AllowedAddresses addresses = AllowedAddresses.parse(allowed);
        http.securityMatcher(PATH)
                .authorizeHttpRequests(a -> a.anyRequest().access(addresses))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable());
        return http.build();
    }

    /** Grants a request whose peer address is in one of the configured ranges. */
    record AllowedAddresses(List<IpAddressMatcher> ranges) implements AuthorizationManager<RequestAuthorizationContext> {

        static AllowedAddresses parse(String commaSeparated) {
            return new AllowedAddresses(Arrays.stream(commaSeparated.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList());
        }

        boolean allows(HttpServletRequest request) {
            return ranges.stream().anyMatch(r -> r.matches(request));
        }

        @Override
        public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
            return new AuthorizationDecision(allows(context.getRequest()));
        }
    }
}
