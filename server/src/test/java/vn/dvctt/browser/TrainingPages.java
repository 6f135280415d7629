package vn.dvctt.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Page objects of the training calendar: what an organizer sees and does, not how Vaadin renders it. */
final class TrainingPages {

    record CalendarPage(WebDriver driver, String baseUrl) {
        CalendarPage open() {
            driver.get(baseUrl + "/training");
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("training-calendar")));
            return this;
        }

        PlanDialog schedule() {
            Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("training-schedule"))).click();
            Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-topic")));
            return new PlanDialog(driver);
        }

        /** The sessions shown in the calendar, as "08:00 Topic". */
        List<String> sessions() {
            return driver.findElements(By.cssSelector("#training-calendar vaadin-button.training-session")).stream()
                    .map(e -> e.getAttribute("textContent").trim()).toList();
        }

        void waitForSession(String text) {
            Pages.waitFor(driver).until(d -> sessions().contains(text));
        }
    }

    record PlanDialog(WebDriver driver) {
        /** Types part of the venue's name and picks it from the suggestions. */
        PlanDialog venue(String typed, String label) {
            WebElement input = driver.findElement(By.cssSelector("#plan-venue input"));
            input.click();
            input.sendKeys(typed);
            By item = By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), '" + label + "')]");
            Pages.waitFor(driver).until(ExpectedConditions.elementToBeClickable(item)).click();
            Pages.waitFor(driver).until(d -> d.findElement(By.cssSelector("#plan-venue input"))
                    .getAttribute("value").contains(label));
            return this;
        }

        PlanDialog topic(String topic) {
            driver.findElement(By.cssSelector("#plan-topic input")).sendKeys(topic);
            return this;
        }

        void save() {
            driver.findElement(By.id("plan-save")).click();
        }

        boolean isOpen() {
            return !driver.findElements(By.id("plan-save")).isEmpty();
        }

        String errorAfterSave() {
            return Pages.waitFor(driver).until(d -> {
                String text = d.findElement(By.id("plan-error")).getText();
                return text.isBlank() ? null : text;
            });
        }
    }

    private TrainingPages() {
    }
}
