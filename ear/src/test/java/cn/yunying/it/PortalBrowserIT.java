package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person at the portal, in Debian's headless Chromium (see {@link PortalBrowser}): a wrong
 * password, a login as the platform administrator in Chinese, the institutions, English, and logout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

    private PortalBrowser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeEach
    void openBrowser() {
        browser = PortalBrowser.openInChinese();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorAndOpensNoSession() {
        browser.open("/");
        browser.login("hub-rad", "definitely-wrong");
        WebElement error = browser.visible(By.cssSelector(".ui-messages-error"));
        assertTrue(error.getText().contains("用户名或密码错误"), error.getText());
        browser.open("/app/dashboard.xhtml");
        browser.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void thePlatformAdminLogsInSeesTheInstitutionsSwitchesLanguageAndLogsOut() throws Exception {
        browser.open("/");
        browser.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        assertEquals("登录", browser.driver.findElement(By.id("loginForm:submit")).getText().strip());
        browser.login("admin", YunyingEar.DEMO_PASSWORD);

        browser.wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        WebElement table = browser.visible(By.id("institutions"));
        assertTrue(table.getText().contains("中心医院"), table.getText());
        assertTrue(table.getText().contains("城东社区卫生服务中心"), table.getText());
        assertTrue(table.getText().contains("CLINIC2_MR"), table.getText());
        String fromApi = YunyingEar.get(YunyingEar.PORTAL + "/api/institutions", "admin", YunyingEar.DEMO_PASSWORD)
                .body();
        int institutions = fromApi.split("\"code\":", -1).length - 1;
        assertTrue(institutions >= 4, "hub, two clinics and an applicant at least: " + fromApi);
        assertEquals(institutions, browser.driver.findElements(By.cssSelector("#institutions_data tr")).size(),
                "the page shows the platform admin every institution the API does");
        assertTrue(browser.driver.findElement(By.id("currentUser")).getText().contains("admin"));
        browser.screenshot("dashboard-zh");

        browser.driver.findElement(By.id("headerForm:langEn")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageTitle"), "Dashboard"));
        String english = browser.driver.findElement(By.id("institutions")).getText();
        assertTrue(english.contains("Central Hospital") && english.contains("Certified"), english);
        browser.screenshot("dashboard-en");

        browser.logout();
        assertTrue(browser.driver.findElement(By.id("loginForm:loggedOut")).getText().contains("logged out"),
                "the language choice outlives the session");
        browser.open("/app/dashboard.xhtml");
        browser.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        List<WebElement> tables = browser.driver.findElements(By.id("institutions"));
        assertTrue(tables.isEmpty(), "after logout the dashboard is not shown");
    }

    @Test
    void aRadiologistFindsHerInstitutionsStudyByChinesePatientName() throws Exception {
        String study = DicomObjects.uid();
        String patientId = "WEB-" + study.substring(study.length() - 8);
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("GB18030", "赵^六六", patientId, study,
                DicomObjects.uid(), DicomObjects.uid(), "DX", "20240620", "portal")).statusCode());

        browser.loginAsDemoUser("clinic1-rad");
        browser.driver.findElement(By.id("navStudies")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageTitle"), "检查列表"));
        browser.driver.findElement(By.id("studiesForm:patientName")).sendKeys("六六");
        browser.driver.findElement(By.id("studiesForm:patientId")).sendKeys(patientId);
        browser.driver.findElement(By.id("studiesForm:search")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studiesForm:studies"), patientId));
        String table = browser.driver.findElement(By.id("studiesForm:studies")).getText();
        assertTrue(table.contains("赵^六六") && table.contains("DX") && table.contains("20240620"), table);
        browser.screenshot("studies-zh");
    }
}
