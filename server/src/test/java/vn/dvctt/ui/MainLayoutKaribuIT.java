package vn.dvctt.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell around every signed-in page: who is signed in, where he may go, and his home page. */
class MainLayoutKaribuIT extends KaribuViewTest {

    @Test
    void administratorIsOfferedEverythingInOrder() {
        signIn("qn.admin");
        navigate("");
        assertThat(navigation()).containsExactly("Tổng quan", "Đơn vị hành chính", "Thủ tục hành chính",
                "Tổ công nghệ số", "Độ phủ tổ công nghệ số", "Người dùng", "Nhật ký thay đổi");
    }

    @Test
    void organizerManagesUsersButHasNoAuditLog() {
        signIn("qn.organizer");
        navigate("");
        assertThat(navigation()).contains("Người dùng").doesNotContain("Nhật ký thay đổi");
        navigate("audit");
        // Vaadin's access control refuses the view; Karibu reports the refusal on the next lookup.
        assertThatThrownBy(() -> _find(Grid.class, s -> s.withId("audit-grid")))
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void teamMemberIsOfferedNeitherUsersNorTheAuditLog() {
        signIn("pacpoc.member");
        navigate("");
        assertThat(navigation()).containsExactly("Tổng quan", "Đơn vị hành chính", "Thủ tục hành chính",
                "Tổ công nghệ số", "Độ phủ tổ công nghệ số");
        navigate("users");
        assertThatThrownBy(() -> _find(Grid.class, s -> s.withId("user-grid")))
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void headerNamesTheSignedInUserAndHisRole() {
        signIn("qn.leader");
        navigate("units");
        assertThat(_get(Span.class, s -> s.withClasses("app-user")).getText()).isEqualTo("qn.leader · Lãnh đạo");
    }

    @Test
    void homeShowsTheProvinceAndCountsOnlyItsOwnUnits() {
        signIn("qn.organizer");
        navigate("");
        assertThat(_get(H2.class).getText()).isEqualTo("Địa bàn: Tỉnh Quảng Ninh");
        // Đắk Nông's commune is not counted: 3 communes, not 4.
        assertThat(figures()).containsExactly("2 Huyện, thị xã, thành phố thuộc tỉnh", "3 Xã, phường, thị trấn",
                "3 Thôn, bản, tổ dân phố");
    }

    @Test
    void homeOfACommuneOrganizerShowsHisCommuneAndItsVillages() {
        signIn("hoanhmo.organizer");
        navigate("");
        assertThat(_get(H2.class).getText()).isEqualTo("Địa bàn: Xã Hoành Mô");
        assertThat(figures()).containsExactly("2 Thôn, bản, tổ dân phố");
    }

    private static List<String> navigation() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private static List<String> figures() {
        return _find(Div.class, s -> s.withClasses("figure")).stream()
                .map(card -> _get(card, Span.class, s -> s.withClasses("figure-value")).getText() + " "
                        + _get(card, Span.class, s -> s.withClasses("figure-label")).getText())
                .toList();
    }
}
