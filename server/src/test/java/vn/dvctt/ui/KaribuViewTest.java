package vn.dvctt.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.util.HashSet;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.support.Fixture;

/**
 * Server-side UI tests with Karibu: real views, real services and database, no browser. Each test
 * rolls back; views and services run on the test's thread and join its transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
public abstract class KaribuViewTest {

    private static final Routes ROUTES = routes();

    /**
     * Karibu's own discovery sees only public classes, and views are package-private here; Spring's
     * scanner finds them all. Karibu still contributes its mock error routes.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("vn.dvctt")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
        }
        Routes karibu = new Routes().autoDiscoverViews("vn.dvctt");
        return new Routes(views, karibu.getErrorRoutes(), true);
    }

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected Fixture fixture;
    @Autowired
    protected UserDetailsService userDetails;

    @BeforeEach
    void loadFixture() {
        fixture.load();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** A fresh browser session, anonymous. */
    protected void openBrowser() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** A fresh browser session signed in as a fixture user, as Spring Security would leave it. */
    protected void signIn(String username) {
        Fixture.signIn(userDetails, username);
        openBrowser();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    protected static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
