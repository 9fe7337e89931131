package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The OHIF viewer at /viewer on our DICOMweb: WADO-RS frames byte for byte, the single-page routes, and a radiologist
 * who opens a study from the portal's study list and sees its images drawn (uncompressed, and JPEG baseline, JPEG
 * lossless, JPEG 2000, JPEG-LS and RLE files from pydicom's test data, read where Debian installs them); and the demo
 * studies of bin/demo-studies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ViewerBrowserIT {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private PortalBrowser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void framesAreTheStoredPixelsAndTheViewerServesItsRoutes() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String sop = DicomObjects.uid();
        byte[] object = TestImages.gradient("VIEWER^FRAMES", "VF-" + study.hashCode(), study, series, sop, "CT");
        assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode());

        HttpResponse<byte[]> frames = DicomObjects.getBytes("/dicomweb/studies/" + study + "/series/" + series
                + "/instances/" + sop + "/frames/1", "clinic1-rad");
        assertEquals(200, frames.statusCode());
        String type = frames.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related") && type.contains("application/octet-stream"), type);
        List<byte[]> parts = DicomObjects.parts(frames.body(), type);
        assertEquals(1, parts.size());
        assertArrayEquals(TestImages.gradientPixels(), parts.get(0));
        assertEquals(404, DicomObjects.getBytes("/dicomweb/studies/" + study + "/series/" + series + "/instances/"
                + sop + "/frames/1", "clinic2-rad").statusCode(), "another institution's image is not found");
        assertEquals(400, DicomObjects.getBytes("/dicomweb/studies/" + study + "/series/" + series + "/instances/"
                + sop + "/frames/2", "clinic1-rad").statusCode());

        String deepLink = "/viewer/viewer?StudyInstanceUIDs=" + study;
        assertFalse(YunyingEar.get(YunyingEar.PORTAL + deepLink).body().contains("/viewer/app.bundle."),
                "without a login the viewer is not served");
        HttpResponse<String> page = DicomObjects.get(deepLink, "clinic1-rad");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/viewer/app.bundle."), "the single-page app for a deep link");
        assertEquals(404, DicomObjects.get("/viewer/no-such.bundle.js", "clinic1-rad").statusCode());
        String config = DicomObjects.get("/viewer/app-config.js", "clinic1-rad").body();
        assertTrue(config.contains("routerBasename: '/viewer'") && config.contains("'/dicomweb'"), config);
        assertFalse(config.contains("http://") || config.contains("https://"), "no external URL in the config");
    }

    @Test
    void aRadiologistOpensAStudyFromTheStudyListAndSeesTheImage() throws Exception {
        String study = DicomObjects.uid();
        String patientId = "VB-" + Math.abs(study.hashCode());
        byte[] object = TestImages.gradient("王^影像=王^影像", patientId, study, DicomObjects.uid(), DicomObjects.uid(),
                "CT");
        assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode());

        browser = PortalBrowser.openInChinese();
        browser.loginAsDemoUser("clinic1-rad");
        browser.open("/app/studies.xhtml");
        browser.visible(By.id("studiesForm:patientId")).sendKeys(patientId);
        browser.driver.findElement(By.id("studiesForm:search")).click();
        WebElement link = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#studiesForm\\:studies a.yy-open-viewer")));
        assertTrue(link.getText().contains("在阅片器中打开"), link.getText());
        assertEquals("_blank", link.getAttribute("target"));
        String portalTab = browser.driver.getWindowHandle();
        link.click();
        browser.wait.until(d -> d.getWindowHandles().size() == 2);
        for (String handle : browser.driver.getWindowHandles()) {
            if (!handle.equals(portalTab)) {
                browser.driver.switchTo().window(handle);
            }
        }
        assertTrue(browser.driver.getCurrentUrl().contains("/viewer/viewer?StudyInstanceUIDs=" + study),
                browser.driver.getCurrentUrl());
        expectImageDrawn("viewer-uncompressed");
        Object foreign = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".filter(function (n) { return n.indexOf(location.origin + '/') !== 0"
                        + " && n.indexOf('blob:') !== 0 && n.indexOf('data:') !== 0; });");
        assertEquals(List.of(), foreign, "the viewer loads nothing from other servers");
    }

    /**
     * Every compression the issue names, each from a pydicom test file stored as it is: the frames endpoint must label
     * each part with the stored transfer syntax (what OHIF picks its decoder by) and OHIF must draw the image.
     */
    @Test
    void everyCompressedTransferSyntaxIsDrawn() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.4.50");       // JPEG baseline
        files.put("SC_rgb_jpeg_gdcm.dcm", "1.2.840.10008.1.2.4.70");        // JPEG lossless, SV1
        files.put("MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90");   // JPEG 2000 lossless
        files.put("SC_rgb_gdcm_KY.dcm", "1.2.840.10008.1.2.4.91");          // JPEG 2000
        files.put("MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80"); // JPEG-LS lossless
        files.put("MR_small_RLE.dcm", "1.2.840.10008.1.2.5");               // RLE
        browser = PortalBrowser.openInChinese();
        browser.loginAsDemoUser("clinic1-rad");
        for (Map.Entry<String, String> file : files.entrySet()) {
            String study = DicomObjects.uid();
            String series = DicomObjects.uid();
            String sop = DicomObjects.uid();
            byte[] object = TestImages.withNewUids(Files.readAllBytes(PYDICOM.resolve(file.getKey())), study, series,
                    sop);
            assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode(), file.getKey());
            HttpResponse<byte[]> frame = DicomObjects.getBytes("/dicomweb/studies/" + study + "/series/" + series
                    + "/instances/" + sop + "/frames/1", "clinic1-rad");
            assertEquals(200, frame.statusCode(), file.getKey());
            String type = frame.headers().firstValue("Content-Type").orElse("");
            List<byte[]> parts = DicomObjects.parts(frame.body(), type);
            assertEquals(1, parts.size(), file.getKey());
            String partHeaders = new String(frame.body(), 0, Math.min(400, frame.body().length),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(partHeaders.contains("transfer-syntax=" + file.getValue() + "\r\n"),
                    file.getKey() + ": " + partHeaders);
            browser.open("/viewer/viewer?StudyInstanceUIDs=" + study);
            expectImageDrawn("viewer-" + file.getKey().replace(".dcm", ""));
        }
    }

    @Test
    void theDemoStudiesAreStoredOnceAndFoundByQido() throws Exception {
        String toolkit = Path.of(cn.yunying.dicom.data.Attributes.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        Path script = Path.of("..", "bin", "lib", "DemoStudies.java").toAbsolutePath().normalize();
        for (int run = 1; run <= 2; run++) {
            Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", toolkit, script.toString(), YunyingEar.PORTAL, "clinic1-tech", YunyingEar.DEMO_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(demo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, demo.waitFor(), output);
            assertTrue(output.contains("胸部CT平扫") && output.contains("压缩图像示例"), output);
        }
        String ct = DicomObjects.get("/dicomweb/studies?PatientID=DEMO-CT-01", "clinic1-rad").body();
        assertTrue(ct.contains("张^伟") && ct.contains("\"00080061\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}"), ct);
        assertTrue(ct.contains("\"00201208\":{\"vr\":\"IS\",\"Value\":[24]}"), "24 CT images, stored once: " + ct);
        String compressed = DicomObjects.get("/dicomweb/studies/2.25.1720260523.1.4/instances", "clinic1-rad").body();
        assertEquals(3, compressed.split("\"00080018\"", -1).length - 1, compressed);
        assertEquals("[]", DicomObjects.get("/dicomweb/studies?PatientID=DEMO-MR-01", "clinic2-rad").body(),
                "clinic 1's demo studies are not shown to clinic 2");
    }

    /** Waits for the viewport's canvas and until a good part of it shows the image, not black. */
    private void expectImageDrawn(String screenshot) throws Exception {
        WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
        List<Double> seen = new ArrayList<>();
        try {
            WebElement canvas = slow.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("canvas.cornerstone-canvas")));
            slow.until(d -> {
                double lit = litFraction(canvas);
                seen.add(lit);
                return lit > 0.2;
            });
        } catch (RuntimeException e) {
            throw new AssertionError("no image drawn; lit fractions seen: " + seen + "\n" + browser.consoleLog(), e);
        } finally {
            browser.screenshot(screenshot);
        }
    }

    /** The fraction of the canvas's pixels (from a screenshot of the element) that are clearly not black. */
    private static double litFraction(WebElement canvas) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(canvas.getScreenshotAs(OutputType.BYTES)));
            long lit = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int sum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                    if (sum > 90) {
                        lit++;
                    }
                }
            }
            return (double) lit / ((long) image.getWidth() * image.getHeight());
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
