package vn.dvctt.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import vn.dvctt.security.CurrentUser;

/**
 * The shell every signed-in page sits in. Features plug into the side navigation by contributing
 * {@link NavEntry} beans; an entry shows only if the user may open its view.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(List<NavEntry> entries, AccessAnnotationChecker access, AuthenticationContext auth,
                      CurrentUser currentUser, List<HeaderItem> headerItems) {
        setPrimarySection(Section.DRAWER);
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("app-title");
        Span user = new Span(currentUser.principal().map(p -> p.username() + " · "
                + getTranslation("role." + p.role().name())).orElse(""));
        user.addClassName("app-user");
        Button logout = new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        headerItems.forEach(item -> header.add(item.create()));
        header.add(user, new LanguageSwitch(), logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        entries.stream().sorted(java.util.Comparator.comparingInt(NavEntry::order))
                .filter(e -> access.hasAccess(e.view()))
                .forEach(e -> nav.addItem(new SideNavItem(getTranslation(e.labelKey()), e.view(), e.icon().create())));
        addToDrawer(nav);
    }
}
