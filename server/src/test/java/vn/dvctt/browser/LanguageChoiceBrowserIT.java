package vn.dvctt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The language choice goes through a real cookie and a real page reload, which only a browser
 * does: Vietnamese first, English once chosen, and still English on the next visit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LanguageChoiceBrowserIT {

    private static final String VIETNAMESE_TITLE = "Đưa dịch vụ công trực tuyến đến người dân";
    private static final String ENGLISH_TITLE = "Bringing online public services to citizens";

    @LocalServerPort
    int port;
    ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void englishChosenOnTheLoginPageIsKeptForTheNextVisit() {
        LanguageOnLoginPage page = new LanguageOnLoginPage(driver, "http://localhost:" + port).open();
        assertThat(page.heading()).isEqualTo(VIETNAMESE_TITLE);
        assertThat(page.formText()).contains("Tên đăng nhập");

        page.choose("en");
        page.waitForHeading(ENGLISH_TITLE);

        Cookie choice = driver.manage().getCookieNamed("dvctt-lang");
        assertThat(choice).isNotNull();
        assertThat(choice.getValue()).isEqualTo("en");
        assertThat(choice.isHttpOnly()).isTrue();
        page.open();
        assertThat(page.heading()).isEqualTo(ENGLISH_TITLE);
        assertThat(page.formText()).contains("User name").doesNotContain("Tên đăng nhập");

        page.choose("vi");
        page.waitForHeading(VIETNAMESE_TITLE);
        page.open();
        assertThat(page.heading()).isEqualTo(VIETNAMESE_TITLE);
    }

    /** The login page as far as its language goes: the heading, the form's labels, the VI | EN switch. */
    record LanguageOnLoginPage(WebDriver driver, String baseUrl) {
        LanguageOnLoginPage open() {
            driver.get(baseUrl + "/login");
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
            return this;
        }

        String heading() {
            return driver.findElement(By.tagName("h1")).getText();
        }

        String formText() {
            return driver.findElement(By.cssSelector("vaadin-login-form")).getAttribute("innerText");
        }

        void choose(String language) {
            Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("lang-" + language))).click();
        }

        /** The switch reloads the page: wait for the new one, whose heading is in the chosen language. */
        void waitForHeading(String expected) {
            Pages.waitFor(driver).ignoring(StaleElementReferenceException.class)
                    .until(d -> expected.equals(d.findElement(By.tagName("h1")).getText()));
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        }
    }
}
