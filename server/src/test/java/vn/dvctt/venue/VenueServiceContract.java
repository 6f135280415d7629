package vn.dvctt.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;
import vn.dvctt.training.TrainingFixture;

/** Venues on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
abstract class VenueServiceContract {

    @Autowired
    TrainingFixture data;
    @Autowired
    VenueService venues;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        data.load();
        fixture = data.fixture;
    }

    @Test
    void searchIgnoresAccentsAndStaysInsideTheCallersArea() {
        assertThat(fixture.as("hoanhmo.organizer", () -> venues.search("khe ma")))
                .extracting(VenueData::name, VenueData::unitName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nhà văn hóa bản Khe Mạ", "Bản Khe Mạ"));
        assertThat(fixture.as("hoanhmo.organizer", () -> venues.search("")))
                .extracting(VenueData::name)
                .containsExactly("Hội trường UBND xã Hoành Mô", "Nhà văn hóa bản Khe Mạ", "Nhà văn hóa bản Pắc Pộc");
        assertThat(fixture.as("pacpoc.member", () -> venues.venuesWithin(data.unit("06757-01"))))
                .extracting(VenueData::name).containsExactly("Nhà văn hóa bản Pắc Pộc");
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> venues.find(data.kheMa.id())))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("qn.leader", () -> venues.venuesWithin(data.unit("22")))).hasSize(4);
    }

    @Test
    void teamMembersKeepTheirVillagesVenueAndLeadersOnlyRead() {
        VenueData changed = fixture.as("pacpoc.member", () -> venues.update(data.pacPoc.id(),
                new VenueInput(data.pacPoc.unit(), "Nhà văn hóa bản Pắc Pộc", "Đầu bản", 70, 5, true, false, true,
                        InternetKind.MOBILE, 30, "Chìa khóa ở nhà trưởng bản")));
        assertThat(changed.capacity()).isEqualTo(70);
        assertThat(changed.internetKind()).isEqualTo(InternetKind.MOBILE);
        assertThat(changed.deviceId()).isNull();
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> venues.update(data.kheMa.id(),
                data.kheMa.toInput()))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> venues.create(
                data.venue("06757-02", "Nhà mới", 10)))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> venues.create(
                data.venue("06760-01", "Sang xã khác", 10)))).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> venues.create(
                data.venue("06757-02", "  ", 10))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("venue.error.name"));
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> venues.create(
                data.venue("06757-02", "Nhà", 0))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("venue.error.capacity"));
        // a district is neither a commune nor a village
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> venues.create(data.venue("198", "Huyện", 10))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("venue.error.unit"));
    }

    @Test
    void anUnusedVenueIsDeleted() {
        fixture.as("hoanhmo.organizer", () -> venues.delete(data.kheMa.id()));
        assertThat(fixture.as("hoanhmo.organizer", () -> venues.find(data.kheMa.id()))).isEmpty();
    }
}
