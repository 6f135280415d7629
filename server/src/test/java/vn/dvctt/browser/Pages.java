package vn.dvctt.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects: what a person sees and does on each page, not how Vaadin renders it. */
final class Pages {

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    record LoginPage(WebDriver driver, String baseUrl) {
        LoginPage open() {
            driver.get(baseUrl + "/login");
            waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
            return this;
        }

        void signIn(String username, String password) {
            driver.findElement(By.cssSelector("input[name=username]")).sendKeys(username);
            driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password, Keys.ENTER);
        }

        String errorText() {
            WebElement overlay = waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("vaadin-login-form-wrapper")));
            waitFor(driver).until(d -> overlay.getAttribute("error") != null);
            return driver.findElement(By.cssSelector("vaadin-login-form")).getAttribute("innerText")
                    + " " + overlay.getShadowRoot().findElement(By.cssSelector("[part=error-message]")).getText();
        }
    }

    record UnitsPage(WebDriver driver, String baseUrl) {
        UnitsPage open() {
            driver.get(baseUrl + "/units");
            waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#unit-search input")));
            return this;
        }

        void search(String text) {
            driver.findElement(By.cssSelector("#unit-search input")).sendKeys(text);
        }

        void openHit(String displayName) {
            By hit = By.xpath("//vaadin-grid[@id='unit-hits']//vaadin-button[normalize-space()='" + displayName + "']");
            waitFor(driver).until(ExpectedConditions.elementToBeClickable(hit)).click();
        }
    }

    record UnitImportDialog(WebDriver driver) {
        static UnitImportDialog open(WebDriver driver) {
            waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("unit-import"))).click();
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("unit-import-upload")));
            return new UnitImportDialog(driver);
        }

        /** Hands the file to the upload's file input, as choosing it in the file dialog would. */
        void upload(java.nio.file.Path file) {
            WebElement upload = driver.findElement(By.id("unit-import-upload"));
            WebElement input = waitFor(driver).until(d -> {
                var inputs = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
                return inputs.isEmpty() ? null : inputs.get(0);
            });
            input.sendKeys(file.toAbsolutePath().toString());
        }

        String summaryAfterChange(String previous) {
            By summary = By.id("unit-import-summary");
            try {
                return waitFor(driver).until(d -> {
                    String text = d.findElement(summary).getText();
                    return text.isBlank() || text.equals(previous) ? null : text;
                });
            } catch (org.openqa.selenium.TimeoutException ex) {
                // Say what the upload itself saw, so a timeout tells which side lost the file.
                Object files = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.getElementById('unit-import-upload').files"
                                + ".map(f => f.name + ' status=' + f.status + ' error=' + f.error"
                                + " + ' complete=' + f.complete + ' progress=' + f.progress)");
                throw new AssertionError("summary stayed '" + driver.findElement(summary).getText()
                        + "'; upload files: " + files, ex);
            }
        }

        java.util.List<String> problemCells() {
            return driver.findElements(By.cssSelector("#unit-import-problems vaadin-grid-cell-content")).stream()
                    .map(e -> e.getAttribute("textContent").trim()).filter(t -> !t.isEmpty()).toList();
        }
    }

    record UnitDetailPage(WebDriver driver) {
        String title() {
            return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-title"))).getText();
        }
    }

    private Pages() {
    }
}
