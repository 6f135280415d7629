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
import vn.dvctt.support.Fixture;

/** What a commune officer does first, in a real Chromium against the running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginAndFindCommuneBrowserIT {

    private static boolean loaded;

    @LocalServerPort
    int port;
    @Autowired
    Fixture fixture;
    ChromeDriver driver;

    @BeforeEach
    void setUp() {
        driver = Browser.start();
        // This context has its own database; load the fixture once (the requests commit on their own).
        synchronized (LoginAndFindCommuneBrowserIT.class) {
            if (!loaded) {
                fixture.load();
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

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void organizerSignsInAndOpensACommuneFoundWithoutAccents() {
        new Pages.LoginPage(driver, baseUrl()).open().signIn("qn.organizer", fixture.password("qn.organizer"));
        Pages.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        Pages.UnitsPage units = new Pages.UnitsPage(driver, baseUrl()).open();
        units.search("hoanh mo");
        units.openHit("Xã Hoành Mô");

        assertThat(new Pages.UnitDetailPage(driver).title()).isEqualTo("Xã Hoành Mô");
        assertThat(driver.getCurrentUrl()).endsWith("/units/06757");
    }

    @Test
    void aWrongPasswordIsRefusedInVietnamese() {
        Pages.LoginPage login = new Pages.LoginPage(driver, baseUrl()).open();
        login.signIn("qn.leader", "not-the-password");
        Pages.waitFor(driver).until(ExpectedConditions.urlContains("error"));
        assertThat(new Pages.LoginPage(driver, baseUrl()).errorText()).contains("Sai tên đăng nhập hoặc mật khẩu");
    }

    @Test
    void administratorImportsABrokenFileThenAGoodOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path broken = dir.resolve("broken.csv");
        java.nio.file.Files.writeString(broken, """
                code,name,type,parent_code
                06760-05,Bản Mới,Bản,06760
                06760-06,,Bản,06760
                06760-07,Bản Lạc,Bản,99999
                """);
        java.nio.file.Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(good, """
                code,name,type,parent_code
                06760-05,Bản Mới,Bản,06760
                """);
        new Pages.LoginPage(driver, baseUrl()).open().signIn("qn.admin", fixture.password("qn.admin"));
        Pages.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        new Pages.UnitsPage(driver, baseUrl()).open();
        Pages.UnitImportDialog dialog = Pages.UnitImportDialog.open(driver);

        dialog.upload(broken);
        String refused = dialog.summaryAfterChange("");
        assertThat(refused).contains("không được áp dụng").contains("2 lỗi");
        assertThat(dialog.problemCells()).contains("3", "4", "Thiếu tên", "Không có đơn vị cấp trên mã \"99999\"");

        dialog.upload(good);
        assertThat(dialog.summaryAfterChange(refused)).isEqualTo("Đã nhập 1 dòng: thêm mới 1, cập nhật 0, không đổi 0.");
    }
}
