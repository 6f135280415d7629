package vn.dvctt.geo.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.ui.NavEntry;

@Configuration
class GeoNavigation {

    @Bean
    NavEntry unitsNav() {
        return new NavEntry(10, "nav.units", VaadinIcon.SITEMAP, UnitsView.class);
    }
}
