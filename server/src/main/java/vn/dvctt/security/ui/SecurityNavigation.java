package vn.dvctt.security.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.ui.NavEntry;

@Configuration
class SecurityNavigation {

    @Bean
    NavEntry usersNav() {
        return new NavEntry(90, "nav.users", VaadinIcon.USERS, UsersView.class);
    }
}
