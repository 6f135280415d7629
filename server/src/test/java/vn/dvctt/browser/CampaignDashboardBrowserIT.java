package vn.dvctt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignSnapshots;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.campaign.ValueEntry;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.support.Fixture;

/** A leader reads a campaign's trend chart and downloads the report, in a real Chromium. */
// Its own context (and so database): the other journeys load the same fixture users into theirs.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvctt.test.journey=campaign")
@ActiveProfiles("test")
class CampaignDashboardBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignSnapshots snapshots;
    @Autowired
    UnitPaths unitPaths;
    ChromeDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void leaderSeesTheTrendDrawnAgainstTheTargetAndDownloadsTheReport() {
        fixture.load();
        CampaignId id = fixture.as("qn.organizer", () -> {
            CampaignId created = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK,
                    null, LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 31), unitPaths.idOfCode("22").orElseThrow())).id();
            long online = campaigns.addIndicator(created, "CD92-02").id();
            campaigns.setLevelTarget(online, UnitLevel.PROVINCE, LocalDate.of(2022, 8, 31), new BigDecimal("50"));
            campaigns.setStatus(created, CampaignStatus.ACTIVE);
            for (int week = 0; week < 4; week++) {
                LocalDate day = LocalDate.of(2022, 6, 7).plusWeeks(week);
                campaigns.enterValue(ValueEntry.ratio(online, unitPaths.idOfCode("06757").orElseThrow(), day,
                        30 + 10L * week, 100, ""));
                snapshots.takeNow(created, day);
            }
            return created;
        });
        driver = Browser.start();
        String base = "http://localhost:" + port;
        new Pages.LoginPage(driver, base).open().signIn("qn.leader", fixture.password("qn.leader"));
        Pages.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(base + "/campaigns/" + id.value());

        By row = By.xpath("//vaadin-grid[@id='campaign-indicators']//vaadin-grid-cell-content[normalize-space()='CD92-02']");
        Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(row)).click();
        WebElement chart = Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("campaign-trend-chart")));
        JavascriptExecutor js = driver;
        Object drawn = Pages.waitFor(driver).until(d -> js.executeScript(
                "const c = arguments[0].__chart; return c ? c.data.datasets.map(s => s.data.join('/')).join('|') : null;",
                chart));
        assertThat(drawn).isEqualTo("30/40/50/60|50/50/50/50");
        Long width = (Long) js.executeScript("return arguments[0].querySelector('canvas').width;", chart);
        assertThat(width).isPositive();

        String href = driver.findElement(By.id("campaign-export")).getAttribute("href");
        Object response = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + b.byteLength)));", href);
        assertThat(String.valueOf(response))
                .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
