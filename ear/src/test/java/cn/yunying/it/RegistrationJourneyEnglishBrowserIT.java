package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The registration part of the journey in English: a doctor with a Chinese name registers with clinic 1 giving a HIS
 * account id, enters the mailed code, clinic 1's administrator approves, and the doctor logs in and finds the HIS
 * account id on their profile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationJourneyEnglishBrowserIT {

    private PortalBrowser browser;
    private GreenMail smtp;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeEach
    void open() {
        smtp = Mailbox.start();
        browser = PortalBrowser.openInEnglish();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        smtp.stop();
    }

    @Test
    void aDoctorRegistersInEnglishIsApprovedLogsInAndSeesTheHisAccountId() throws Exception {
        String doctor = "en-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        browser.open("/login.xhtml");
        browser.visible(By.id("registerLink")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registerForm:submit")));
        browser.type("registerForm:displayName", "林晓 Lin Xiao");
        browser.type("registerForm:username", doctor);
        browser.type("registerForm:password", "Linxiao-2026");
        browser.type("registerForm:phone", "137" + String.format("%08d", System.nanoTime() / 1000 % 100_000_000));
        browser.type("registerForm:email", doctor + "@doctor.example.cn");
        new Select(browser.driver.findElement(By.id("registerForm:institution")))
                .selectByVisibleText("East District Community Health Center");
        browser.type("registerForm:department", "Radiology");
        browser.type("registerForm:his", "HIS-" + doctor);
        new Select(browser.driver.findElement(By.id("registerForm:role"))).selectByVisibleText("Radiologist");
        browser.driver.findElement(By.id("registerForm:submit")).click();
        browser.expectInfo("6-digit code has been sent");
        browser.type("codeForm:code", Mailbox.registrationCode(smtp, doctor + "@doctor.example.cn"));
        browser.driver.findElement(By.id("codeForm:verify")).click();
        assertTrue(browser.visible(By.id("waiting")).getText().contains("waits for the approval"));

        browser.open("/login.xhtml");
        browser.loginAsDemoUser("clinic1-admin");
        browser.driver.findElement(By.id("navRegistrations")).click();
        WebElement request = browser.visible(By.xpath("//tbody[@id='queueForm:registrations_data']/tr[.//td[text()='"
                + doctor + "']]"));
        assertTrue(request.getText().contains("林晓") && request.getText().contains("Radiologist"), request.getText());
        request.findElement(By.xpath(".//button[contains(@id,'approve')]")).click();
        browser.expectInfo("registration was approved");
        browser.screenshot("journey-en-approved");
        browser.logout();

        browser.login(doctor, "Linxiao-2026");
        browser.wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        browser.visible(By.id("currentUser")).click();
        browser.wait.until(ExpectedConditions.urlContains("/app/profile.xhtml"));
        assertEquals("My profile", browser.visible(By.id("pageTitle")).getText());
        assertEquals("HIS-" + doctor, browser.visible(By.id("currentHis")).getText());
        WebElement his = browser.driver.findElement(By.id("hisForm:his"));
        his.clear();
        his.sendKeys("HIS2-" + doctor);
        browser.driver.findElement(By.id("hisForm:bind")).click();
        browser.expectInfo("HIS account ID is saved");
        assertEquals("HIS2-" + doctor, browser.visible(By.id("currentHis")).getText());
    }
}
