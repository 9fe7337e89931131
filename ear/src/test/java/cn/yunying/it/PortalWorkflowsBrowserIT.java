package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Administrators doing their work in the portal, in Chinese: the platform administrator certifies an applicant from
 * the review queue, and two institution administrators set up an affiliation (挂靠) — one asks, the other consents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalWorkflowsBrowserIT {


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
    void thePlatformAdministratorCertifiesAnApplicantFromTheReviewQueue() throws Exception {
        String nonce = Long.toHexString(System.nanoTime());
        String name = "柳溪村卫生室" + nonce;
        String admin = "lx-" + nonce;
        HttpResponse<String> applied = YunyingEar.postMultipart(YunyingEar.PORTAL + "/api/public/applications",
                YunyingEar.application(name, admin, nonce), Map.of("营业执照.pdf", YunyingEar.PDF));
        assertEquals(200, applied.statusCode(), applied.body());
        String id = YunyingEar.field(applied.body(), "id");

        browser.loginAsDemoUser("admin");
        browser.driver.findElement(By.id("navCertification")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageTitle"), "机构认证"));
        WebElement row = browser.visible(By.xpath("//tr[.//span[contains(@class,'yy-institution-name') and text()='"
                + name + "']]"));
        assertTrue(row.getText().contains("营业执照.pdf"), "the submitted document is listed: " + row.getText());
        row.findElement(By.xpath(".//button[contains(@id,'decide')]")).click();

        browser.visible(By.id("decisionForm:reason")).sendKeys("材料齐全，准予加入医联体");
        browser.choose("decisionForm:action", "通过认证");
        browser.driver.findElement(By.id("decisionForm:confirm")).click();
        browser.expectInfo("审核结果已记录");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
                "//span[contains(@class,'yy-institution-name') and text()='" + name + "']")));
        browser.screenshot("certification-zh");

        HttpResponse<String> me = YunyingEar.get(YunyingEar.PORTAL + "/api/me", admin, "Liuxi-2026");
        assertEquals(200, me.statusCode(), "certification lets the applicant's administrator log in: " + me.body());
        assertTrue(me.body().contains("INSTITUTION_ADMIN") && me.body().contains(id), me.body());
    }

    @Test
    void anAffiliationIsRequestedByOneAdministratorAndTakesEffectOnlyWhenTheOtherConsents() throws Exception {
        browser.loginAsDemoUser("clinic2-admin");
        browser.driver.findElement(By.id("navAffiliations")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requestForm:request")));
        browser.choose("requestForm:target", "中心医院");
        String note = "远程诊断合作 " + Long.toHexString(System.nanoTime());
        browser.driver.findElement(By.id("requestForm:note")).sendKeys(note);
        browser.driver.findElement(By.id("requestForm:request")).click();
        browser.expectInfo("申请已发送");
        WebElement requested = browser.visible(rowWithNote(note));
        assertTrue(requested.getText().contains("待同意") && requested.getText().contains("CLINIC2"),
                requested.getText());
        assertTrue(requested.findElements(By.xpath(".//button[contains(@id,'withdraw')]")).size() == 1,
                "the requester may withdraw");
        browser.logout();

        browser.loginAsDemoUser("hub-admin");
        browser.driver.findElement(By.id("navAffiliations")).click();
        browser.visible(rowWithNote(note)).findElement(By.xpath(".//button[contains(@id,'accept')]")).click();
        browser.expectInfo("挂靠关系已更新");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(rowWithNote(note), "生效中"));
        browser.screenshot("affiliation-zh");

        String seenByClinic2 = YunyingEar.get(YunyingEar.PORTAL + "/api/affiliations", "clinic2-admin",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(seenByClinic2.contains(note) && seenByClinic2.contains("\"status\":\"ACTIVE\""), seenByClinic2);
    }

    private static By rowWithNote(String note) {
        return By.xpath("//tbody[@id='listForm:affiliations_data']/tr[.//td[text()='" + note + "']]");
    }
}
