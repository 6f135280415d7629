package vn.dvctt.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class Navigation {

    @Bean
    NavEntry homeNav() {
        return new NavEntry(0, "nav.home", VaadinIcon.DASHBOARD, HomeView.class);
    }
}
