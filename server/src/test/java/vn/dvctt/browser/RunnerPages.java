package vn.dvctt.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the edge agent's session runner: what a village team member touches. */
final class RunnerPages {

    record RunnerPage(WebDriver driver, String baseUrl) {

        RunnerPage open() {
            driver.get(baseUrl + "/");
            return this;
        }

        /** Picks the member on the sign-in screen and types the PIN on the pad. */
        RunnerPage signIn(String memberName, String pin) {
            By member = By.xpath("//*[@data-test='member'][contains(normalize-space(.), '" + memberName + "')]");
            slow().until(ExpectedConditions.elementToBeClickable(member)).click();
            for (char digit : pin.toCharArray()) {
                driver.findElement(By.xpath("//*[@data-test='pin-digit'][normalize-space(.)='" + digit + "']")).click();
            }
            driver.findElement(By.id("pin-submit")).click();
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-list")));
            return this;
        }

        RunnerPage startScheduled(long sessionId) {
            By start = By.cssSelector("[data-test=start-scheduled][data-session-id='" + sessionId + "']");
            slow().until(ExpectedConditions.elementToBeClickable(start)).click();
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("attendee-plus")));
            return this;
        }

        /** Counts one attendee after another; each click is confirmed before the next. */
        RunnerPage countAttendees(int n) {
            for (int i = 1; i <= n; i++) {
                driver.findElement(By.id("attendee-plus")).click();
                String expected = String.valueOf(i);
                Pages.waitFor(driver).until(d -> d.findElement(By.id("attendance-total")).getText().trim().equals(expected));
            }
            return this;
        }

        int attendance() {
            return Integer.parseInt(driver.findElement(By.id("attendance-total")).getText().trim());
        }

        /** Searches the synced catalogue as typed (without accents), picks the procedure, records it. */
        RunnerPage recordSubmission(String typed, String code, String dossier, int expectedCount) {
            WebElement search = driver.findElement(By.id("procedure-search"));
            search.clear();
            search.sendKeys(typed);
            By option = By.cssSelector("[data-test=procedure-option][data-code='" + code + "']");
            Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(option)).click();
            if (dossier != null) {
                WebElement field = driver.findElement(By.id("dossier-code"));
                field.clear();
                field.sendKeys(dossier);
            }
            driver.findElement(By.id("submission-submit")).click();
            String expected = String.valueOf(expectedCount);
            Pages.waitFor(driver).until(d -> d.findElement(By.id("submission-count")).getText().trim().equals(expected));
            return this;
        }

        RunnerPage end(String notes) {
            driver.findElement(By.id("end-notes")).sendKeys(notes);
            driver.findElement(By.id("end-session")).click();
            Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("end-confirm"))).click();
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-list")));
            return this;
        }

        /** Events journalled on the computer and not yet acknowledged by the server. */
        int pending() {
            String text = driver.findElement(By.id("pending-count")).getText().replaceAll("[^0-9]", "");
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        }

        void waitUntilNothingPending(Duration atMost) {
            new WebDriverWait(driver, atMost).until(d -> pending() == 0);
        }

        private WebDriverWait slow() {
            return new WebDriverWait(driver, Duration.ofSeconds(60));
        }
    }

    private RunnerPages() {
    }
}
