package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The whole journey in Chinese, in the browser: a clinic's administrator applies on /apply.xhtml with a PDF, the
 * platform administrator certifies it from the review queue, a doctor registers with that clinic and enters the code
 * mailed to them (read from GreenMail), the clinic's administrator approves, and the doctor logs in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationJourneyBrowserIT {

    private PortalBrowser browser;
    private GreenMail smtp;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeEach
    void open() {
        smtp = Mailbox.start();
        browser = PortalBrowser.openInChinese();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        smtp.stop();
    }

    @Test
    void aClinicAppliesIsCertifiedADoctorRegistersIsApprovedAndLogsIn() throws Exception {
        String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String clinic = "桃源村卫生室" + nonce;
        String clinicAdmin = "ty-" + nonce;
        String doctor = "dr-" + nonce;

        browser.open("/login.xhtml");
        browser.visible(By.id("applyLink")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applyForm:submit")));
        browser.type("applyForm:nameZh", clinic);
        browser.type("applyForm:nameEn", "Taoyuan Village Clinic " + nonce);
        new Select(browser.driver.findElement(By.id("applyForm:level"))).selectByVisibleText("乡镇卫生院");
        browser.type("applyForm:license", "TY-" + nonce);
        browser.type("applyForm:contactName", "赵丽");
        browser.type("applyForm:contactPhone", "13712345678");
        browser.type("applyForm:contactEmail", clinicAdmin + "@clinic.example.cn");
        browser.type("applyForm:adminUsername", clinicAdmin);
        browser.type("applyForm:adminPassword", "Taoyuan-2026");
        Path pdf = Files.createTempFile("执业许可证", ".pdf");
        Files.write(pdf, YunyingEar.PDF);
        browser.driver.findElement(By.cssSelector("#applyForm input[type=file]")).sendKeys(pdf.toString());
        browser.driver.findElement(By.id("applyForm:submit")).click();
        browser.expectInfo("申请已收到");
        browser.screenshot("journey-1-applied-zh");

        browser.loginAsDemoUser("admin");
        browser.driver.findElement(By.id("navCertification")).click();
        WebElement row = browser.visible(By.xpath("//tr[.//span[contains(@class,'yy-institution-name') and text()='"
                + clinic + "']]"));
        assertTrue(row.getText().contains(".pdf"), "the uploaded PDF is listed: " + row.getText());
        row.findElement(By.xpath(".//button[contains(@id,'decide')]")).click();
        browser.visible(By.id("decisionForm:reason")).sendKeys("材料齐全");
        browser.choose("decisionForm:action", "通过认证");
        browser.driver.findElement(By.id("decisionForm:confirm")).click();
        browser.expectInfo("审核结果已记录");
        browser.logout();

        browser.visible(By.id("registerLink")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registerForm:submit")));
        browser.type("registerForm:displayName", "孙悦");
        browser.type("registerForm:username", doctor);
        browser.type("registerForm:password", "Sunyue-2026");
        browser.type("registerForm:phone", "136" + String.format("%08d", System.nanoTime() / 1000 % 100_000_000));
        browser.type("registerForm:email", doctor + "@doctor.example.cn");
        new Select(browser.driver.findElement(By.id("registerForm:institution"))).selectByVisibleText(clinic);
        browser.type("registerForm:department", "放射科");
        new Select(browser.driver.findElement(By.id("registerForm:role"))).selectByVisibleText("放射科医生");
        browser.driver.findElement(By.id("registerForm:submit")).click();
        browser.expectInfo("验证码已发送");
        browser.type("codeForm:code", Mailbox.registrationCode(smtp, doctor + "@doctor.example.cn"));
        browser.driver.findElement(By.id("codeForm:verify")).click();
        assertTrue(browser.visible(By.id("waiting")).getText().contains("等待"));
        browser.screenshot("journey-2-registered-zh");

        browser.open("/login.xhtml");
        browser.login(clinicAdmin, "Taoyuan-2026");
        browser.wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        browser.driver.findElement(By.id("navRegistrations")).click();
        WebElement request = browser.visible(By.xpath("//tbody[@id='queueForm:registrations_data']/tr[.//td[text()='"
                + doctor + "']]"));
        assertTrue(request.getText().contains("孙悦") && request.getText().contains("放射科医生"), request.getText());
        request.findElement(By.xpath(".//button[contains(@id,'approve')]")).click();
        browser.expectInfo("注册已批准");
        browser.screenshot("journey-3-approved-zh");
        browser.logout();

        browser.login(doctor, "Sunyue-2026");
        browser.wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        assertTrue(browser.visible(By.id("currentUser")).getText().contains("孙悦"));
        HttpResponse<String> me = YunyingEar.get(YunyingEar.PORTAL + "/api/me", doctor, "Sunyue-2026");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("RADIOLOGIST"), me.body());
    }

    @Test
    void aNameWithMarkupIsShownAsTextAndAForgottenPasswordIsResetInThePortal() throws Exception {
        String doctor = "xs-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String email = doctor + "@doctor.example.cn";
        String name = "<script>window.hacked=1</script>周";
        HttpResponse<String> submitted = YunyingEar.postPublicForm(YunyingEar.PORTAL + "/api/public/registrations",
                "username", doctor, "displayName", name, "email", email,
                "phone", "135" + String.format("%08d", System.nanoTime() / 1000 % 100_000_000),
                "password", "Zhouzhou-2026", "institutionId", YunyingEar.institutionId("CLINIC1"),
                "department", "检验科", "role", "CLINICIAN");
        assertEquals(201, submitted.statusCode(), submitted.body());
        String id = YunyingEar.field(submitted.body(), "id");
        assertEquals(200, YunyingEar.postPublicForm(YunyingEar.PORTAL + "/api/public/registrations/" + id
                + "/verification", "code", Mailbox.registrationCode(smtp, email)).statusCode());

        browser.loginAsDemoUser("clinic1-admin");
        browser.driver.findElement(By.id("navRegistrations")).click();
        WebElement request = browser.visible(By.xpath("//tbody[@id='queueForm:registrations_data']/tr[.//td[text()='"
                + doctor + "']]"));
        assertTrue(request.getText().contains(name), "the name is shown as typed, markup included: " + request.getText());
        assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("return window.hacked === undefined ? null : window.hacked;"), "no script ran");
        request.findElement(By.xpath(".//button[contains(@id,'approve')]")).click();
        browser.expectInfo("注册已批准");
        browser.logout();

        browser.visible(By.id("forgotLink")).click();
        browser.type("forgotForm:identifier", email);
        browser.driver.findElement(By.id("forgotForm:send")).click();
        browser.expectInfo("30 分钟");
        String link = resetLinkMailedTo(email);
        browser.open(link.substring(link.indexOf("/reset.xhtml")));
        browser.type("resetForm:password", "Xinmima-2027");
        browser.type("resetForm:confirmation", "Xinmima-2026");
        browser.driver.findElement(By.id("resetForm:save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .ui-messages-error"), "不一致"));
        browser.type("resetForm:password", "Xinmima-2027");
        browser.type("resetForm:confirmation", "Xinmima-2027");
        browser.driver.findElement(By.id("resetForm:save")).click();
        browser.expectInfo("密码已修改");
        browser.screenshot("journey-4-password-reset-zh");

        browser.open(link.substring(link.indexOf("/reset.xhtml")));
        browser.visible(By.id("linkInvalid"));
        browser.open("/login.xhtml");
        browser.login(doctor, "Xinmima-2027");
        browser.wait.until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        assertTrue(browser.visible(By.id("currentUser")).getText().contains(name));
    }

    private String resetLinkMailedTo(String address) throws Exception {
        MimeMessage mail = Mailbox.mailTo(smtp, address, "Reset your password");
        Matcher m = Pattern.compile("\\S+/reset\\.xhtml\\?token=[A-Za-z0-9_-]+").matcher((String) mail.getContent());
        assertTrue(m.find(), (String) mail.getContent());
        return m.group();
    }
}
