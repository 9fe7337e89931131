package cn.yunying.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing downloaded), with the few steps every
 * portal test repeats: open a page, log in, wait for a message, take a screenshot.
 */
final class PortalBrowser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;

    private PortalBrowser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A fresh browser profile whose preferred language is Chinese, as in a hospital in China. */
    static PortalBrowser openInChinese() {
        return openIn("zh-CN", "zh-CN,zh");
    }

    /** A fresh browser profile whose preferred language is English. */
    static PortalBrowser openInEnglish() {
        return openIn("en-US", "en-US,en");
    }

    private static PortalBrowser openIn(String lang, String acceptLanguages) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,900", "--lang=" + lang);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new PortalBrowser(new ChromeDriver(service, options));
    }

    void open(String path) {
        driver.get(YunyingEar.PORTAL + path);
    }

    /** Fills in the login form on the current page and submits it. */
    void login(String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username"))).sendKeys(user);
        driver.findElement(By.id("loginForm:password")).sendKeys(password);
        driver.findElement(By.id("loginForm:submit")).click();
    }

    /** Logs in as a demo user and waits for the dashboard. */
    void loginAsDemoUser(String user) {
        open("/login.xhtml");
        login(user, YunyingEar.DEMO_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
    }

    void logout() {
        driver.findElement(By.id("headerForm:logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:loggedOut")));
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Replaces the text of the input with that id, once it is visible. */
    void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the page's message area shows an information message containing {@code text}. */
    void expectInfo(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages .ui-messages-info"),
                text));
    }

    /** Picks an option of a PrimeFaces select-one menu by its visible label, as a user does: open, click. */
    void choose(String menuId, String label) {
        driver.findElement(By.id(menuId)).click();
        visible(By.xpath("//li[contains(@class,'ui-selectonemenu-item') and normalize-space(.)='" + label + "']"))
                .click();
        wait.until(d -> label.equals(((JavascriptExecutor) d).executeScript(
                "var s = document.getElementById(arguments[0]); return s.options[s.selectedIndex].text;",
                menuId + "_input")));
    }

    void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The browser console's messages so far (for a failure's report). */
    String consoleLog() {
        StringBuilder log = new StringBuilder();
        try {
            driver.manage().logs().get("browser").forEach(entry -> log.append(entry.getLevel()).append(' ')
                    .append(entry.getMessage()).append('\n'));
        } catch (RuntimeException e) {
            log.append("(no console log: ").append(e.getMessage()).append(')');
        }
        return log.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
