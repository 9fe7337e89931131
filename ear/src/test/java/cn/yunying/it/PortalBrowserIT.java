package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
 * A person at the portal, in Debian's headless Chromium through Debian's chromedriver (nothing downloaded): a wrong
 * password, a login as the platform administrator in Chinese, the institutions, English, and logout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

    private WebDriver browser;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeEach
    void openBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,800", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorAndOpensNoSession() {
        browser.get(YunyingEar.PORTAL + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
        login("hub-rad", "definitely-wrong");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(error.getText().contains("用户名或密码错误"), error.getText());
        browser.get(YunyingEar.PORTAL + "/app/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void thePlatformAdminLogsInSeesTheInstitutionsSwitchesLanguageAndLogsOut() throws Exception {
        browser.get(YunyingEar.PORTAL + "/");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        assertEquals("登录", browser.findElement(By.id("loginForm:submit")).getText().strip());
        login("admin", YunyingEar.DEMO_PASSWORD);

        wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institutions")));
        assertTrue(table.getText().contains("中心医院"), table.getText());
        assertTrue(table.getText().contains("城东社区卫生服务中心"), table.getText());
        assertTrue(table.getText().contains("CLINIC2_MR"), table.getText());
        assertEquals(4, browser.findElements(By.cssSelector("#institutions_data tr")).size(), "hub, two clinics, one applicant");
        assertTrue(browser.findElement(By.id("currentUser")).getText().contains("admin"));
        screenshot("dashboard-zh");

        browser.findElement(By.id("headerForm:langEn")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageTitle"), "Dashboard"));
        String english = browser.findElement(By.id("institutions")).getText();
        assertTrue(english.contains("Central Hospital") && english.contains("Certified"), english);
        screenshot("dashboard-en");

        browser.findElement(By.id("headerForm:logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:loggedOut")));
        assertTrue(browser.findElement(By.id("loginForm:loggedOut")).getText().contains("logged out"),
                "the language choice outlives the session");
        browser.get(YunyingEar.PORTAL + "/app/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        List<WebElement> tables = browser.findElements(By.id("institutions"));
        assertTrue(tables.isEmpty(), "after logout the dashboard is not shown");
    }

    @Test
    void aRadiologistFindsHerInstitutionsStudyByChinesePatientName() throws Exception {
        String study = DicomObjects.uid();
        String patientId = "WEB-" + study.substring(study.length() - 8);
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("GB18030", "赵^六六", patientId, study,
                DicomObjects.uid(), DicomObjects.uid(), "DX", "20240620", "portal")).statusCode());

        browser.get(YunyingEar.PORTAL + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
        login("clinic1-rad", YunyingEar.DEMO_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        browser.findElement(By.id("navStudies")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageTitle"), "检查列表"));
        browser.findElement(By.id("studiesForm:patientName")).sendKeys("六六");
        browser.findElement(By.id("studiesForm:patientId")).sendKeys(patientId);
        browser.findElement(By.id("studiesForm:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studiesForm:studies"), patientId));
        String table = browser.findElement(By.id("studiesForm:studies")).getText();
        assertTrue(table.contains("赵^六六") && table.contains("DX") && table.contains("20240620"), table);
        screenshot("studies-zh");
    }

    private void login(String user, String password) {
        browser.findElement(By.id("loginForm:username")).sendKeys(user);
        browser.findElement(By.id("loginForm:password")).sendKeys(password);
        browser.findElement(By.id("loginForm:submit")).click();
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
