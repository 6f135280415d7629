package vn.dvctt.notice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.notice.NoticeData;
import vn.dvctt.notice.NoticeService;
import vn.dvctt.ui.HeaderItem;

/** The signed-in user's notices, newest first; opening the page marks them read. */
@Route("notices")
@PermitAll
class NoticesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    NoticesView(NoticeService notices) {
        add(new H2(getTranslation("notice.title")));
        List<NoticeData> mine = notices.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("notice.none")));
        }
        VerticalLayout list = new VerticalLayout();
        list.setId("notices");
        list.setPadding(false);
        for (NoticeData notice : mine) {
            VerticalLayout item = new VerticalLayout();
            item.addClassName("notice");
            item.setSpacing(false);
            item.getStyle().set("border-left", notice.read() ? "3px solid var(--lumo-contrast-20pct)"
                    : "3px solid var(--lumo-primary-color)");
            Span when = new Span(TIME.format(notice.createdAt()));
            when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Span text = new Span(getTranslation(notice.messageKey(), notice.args().toArray()));
            text.getStyle().set("white-space", "pre-line");
            item.add(when, text);
            if (notice.link() != null) {
                item.add(new Anchor(notice.link(), getTranslation("notice.open")));
            }
            list.add(item);
        }
        add(list);
        notices.markAllRead();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notice.title");
    }

    @Configuration
    static class Bell {
        /** A bell in the top bar with the number of unread notices; it opens the list. */
        @Bean
        HeaderItem noticeBell(NoticeService notices) {
            return () -> {
                long unread = notices.unreadCount();
                Button bell = new Button(VaadinIcon.BELL.create());
                bell.setId("notice-bell");
                bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                bell.setAriaLabel(bell.getTranslation("notice.title"));
                if (unread > 0) {
                    bell.setText(String.valueOf(unread));
                    bell.addThemeVariants(ButtonVariant.LUMO_ERROR);
                }
                bell.addClickListener(e -> bell.getUI().ifPresent(ui -> ui.navigate(NoticesView.class)));
                Component c = bell;
                return c;
            };
        }
    }
}
