package vn.dvctt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.training.TrainingFixture;

/** A commune organizer schedules a session in a real Chromium, and a clash at the same venue is refused. */
// Its own context (hence its own database): the other browser tests load the shared fixture into theirs.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=dvctt-training-browser")
@ActiveProfiles("test")
class TrainingSessionBrowserIT {

    private static boolean loaded;

    @LocalServerPort
    int port;
    @Autowired
    TrainingFixture data;
    ChromeDriver driver;

    @BeforeEach
    void setUp() {
        driver = Browser.start();
        // This context has its own database; load the fixture once (the requests commit on their own).
        synchronized (TrainingSessionBrowserIT.class) {
            if (!loaded) {
                data.load();
                loaded = true;
            }
        }
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void organizerSchedulesASessionSeesItInTheCalendarAndCannotDoubleBookTheVenue() {
        String base = "http://localhost:" + port;
        new Pages.LoginPage(driver, base).open().signIn("hoanhmo.organizer",
                data.fixture.password("hoanhmo.organizer"));
        Pages.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        TrainingPages.CalendarPage calendar = new TrainingPages.CalendarPage(driver, base).open();
        calendar.schedule().venue("Khe", "Nhà văn hóa bản Khe Mạ").topic("Cài đặt VNeID cho người cao tuổi").save();
        calendar.waitForSession("08:00 Cài đặt VNeID cho người cao tuổi");

        TrainingPages.PlanDialog clash = calendar.schedule().venue("Khe", "Nhà văn hóa bản Khe Mạ")
                .topic("Buổi trùng giờ");
        clash.save();
        assertThat(clash.errorAfterSave()).startsWith("Địa điểm đã có buổi \"Cài đặt VNeID cho người cao tuổi\" vào ")
                .endsWith("08:00–10:00");
        assertThat(clash.isOpen()).isTrue();
        assertThat(calendar.sessions()).containsOnlyOnce("08:00 Cài đặt VNeID cho người cao tuổi")
                .doesNotContain("08:00 Buổi trùng giờ");
    }
}
