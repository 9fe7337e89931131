package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WADO-RS rendered and thumbnail resources (PS3.18 10.4, 10.7) on the running archive: the 12-bit gradient and a JPEG
 * baseline file from pydicom come back as decodable JPEG/PNG of the right size and brightness, windows and viewports
 * are applied, a compression we cannot render is a 406 without a stack trace, and scoping and audit are those of the
 * other WADO resources.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RenderedImagesIT {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static String study;
    private static String series;
    private static String instance;
    private static String patientId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeAll
    static void storeTheGradient() throws Exception {
        study = DicomObjects.uid();
        series = DicomObjects.uid();
        instance = DicomObjects.uid();
        patientId = "RI-" + Math.abs(study.hashCode());
        byte[] object = TestImages.gradient("赵^渲染", patientId, study, series, instance, "CT");
        assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode());
    }

    private static String instancePath() {
        return "/dicomweb/studies/" + study + "/series/" + series + "/instances/" + instance;
    }

    @Test
    void anInstanceIsRenderedAsJpegWithTheDataSetsWindow() throws Exception {
        HttpResponse<byte[]> response = DicomObjects.getBytes(instancePath() + "/rendered", "clinic1-rad",
                "image/jpeg");
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = decode(response.body());
        assertEquals(TestImages.SIZE, image.getWidth());
        assertEquals(TestImages.SIZE, image.getHeight());
        assertTrue(gray(image, 0, 0) < 15, "0 of window 2048/4096 is black: " + gray(image, 0, 0));
        assertTrue(gray(image, 255, 255) > 240, "4080 is white: " + gray(image, 255, 255));
        assertEquals(128, gray(image, 128, 128), 6, "the middle is mid-grey");

        String audit = DicomObjects.get("/api/audit?action=ARCHIVE_RETRIEVE&patientId=" + patientId, "auditor").body();
        assertTrue(audit.contains(study) && audit.contains("clinic1-rad"), audit);
    }

    @Test
    void pngByAcceptWithTheRequestedWindowAndViewport() throws Exception {
        HttpResponse<byte[]> windowed = DicomObjects.getBytes(instancePath() + "/frames/1/rendered?window=500,200,"
                + "linear", "clinic1-rad", "image/png");
        assertEquals(200, windowed.statusCode());
        assertEquals("image/png", windowed.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = decode(windowed.body());
        assertEquals(0, gray(image, 10, 10), "160 is below 400..600");
        assertEquals(255, gray(image, 100, 100), "1600 is above");
        int inside = gray(image, 31, 31); // (31 + 31) * 8 = 496, the middle of the window
        assertTrue(inside > 110 && inside < 140, "496 in window 500/200: " + inside);

        HttpResponse<byte[]> small = DicomObjects.getBytes(instancePath() + "/rendered?viewport=64,32&quality=50",
                "clinic1-rad", "image/png, image/jpeg;q=0.5");
        assertEquals("image/png", small.headers().firstValue("Content-Type").orElse(""));
        BufferedImage fitted = decode(small.body());
        assertEquals(32, fitted.getWidth(), "a square image fits into 64 x 32 as 32 x 32");
        assertEquals(32, fitted.getHeight());
    }

    @Test
    void thumbnailsAtEveryLevelAndTheStudyRenderedAsMultipart() throws Exception {
        for (String path : List.of("/dicomweb/studies/" + study + "/thumbnail",
                "/dicomweb/studies/" + study + "/series/" + series + "/thumbnail", instancePath() + "/thumbnail",
                instancePath() + "/frames/1/thumbnail")) {
            HttpResponse<byte[]> response = DicomObjects.getBytes(path, "clinic1-rad", "*/*");
            assertEquals(200, response.statusCode(), path);
            assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""), path);
            BufferedImage thumbnail = decode(response.body());
            assertEquals(128, thumbnail.getWidth(), path);
            assertEquals(128, thumbnail.getHeight(), path);
        }
        HttpResponse<byte[]> rendered = DicomObjects.getBytes("/dicomweb/studies/" + study + "/rendered",
                "clinic1-rad", "multipart/related; type=\"image/png\"");
        assertEquals(200, rendered.statusCode());
        String type = rendered.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related") && type.contains("image/png"), type);
        List<byte[]> parts = DicomObjects.parts(rendered.body(), type);
        assertEquals(1, parts.size());
        assertEquals(TestImages.SIZE, decode(parts.get(0)).getWidth());
    }

    @Test
    void jpegBaselineIsDecodedAndOtherCompressionsAreNotAcceptable() throws Exception {
        String jpegStudy = DicomObjects.uid();
        String jpegSeries = DicomObjects.uid();
        String jpegSop = DicomObjects.uid();
        byte[] jpeg = TestImages.withNewUids(Files.readAllBytes(PYDICOM.resolve("SC_rgb_jpeg_dcmtk.dcm")), jpegStudy,
                jpegSeries, jpegSop);
        assertEquals(200, DicomObjects.stow("clinic1-tech", jpeg).statusCode());
        HttpResponse<byte[]> response = DicomObjects.getBytes("/dicomweb/studies/" + jpegStudy + "/series/"
                + jpegSeries + "/instances/" + jpegSop + "/rendered", "clinic1-rad", "image/png");
        assertEquals(200, response.statusCode());
        BufferedImage image = decode(response.body());
        assertEquals(100, image.getWidth());
        int top = image.getRGB(50, 5);
        assertTrue((top >> 16 & 0xFF) > 200 && (top >> 8 & 0xFF) < 60 && (top & 0xFF) < 60,
                "the top band of SC_rgb is red: " + Integer.toHexString(top));

        String j2kStudy = DicomObjects.uid();
        String j2kSeries = DicomObjects.uid();
        String j2kSop = DicomObjects.uid();
        byte[] j2k = TestImages.withNewUids(Files.readAllBytes(PYDICOM.resolve("SC_rgb_gdcm_KY.dcm")), j2kStudy,
                j2kSeries, j2kSop);
        assertEquals(200, DicomObjects.stow("clinic1-tech", j2k).statusCode());
        HttpResponse<byte[]> refused = DicomObjects.getBytes("/dicomweb/studies/" + j2kStudy + "/series/" + j2kSeries
                + "/instances/" + j2kSop + "/rendered", "clinic1-rad", "image/jpeg");
        assertEquals(406, refused.statusCode());
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("archive.notRenderable") && !body.contains("Exception"), body);
        assertEquals(406, DicomObjects.getBytes("/dicomweb/studies/" + j2kStudy + "/thumbnail", "clinic1-rad", "*/*")
                .statusCode(), "no image of the study can be rendered");
    }

    @Test
    void badRequestsAndOtherInstitutionsAreRefused() throws Exception {
        HttpResponse<byte[]> gif = DicomObjects.getBytes(instancePath() + "/rendered", "clinic1-rad", "image/gif");
        assertEquals(406, gif.statusCode());
        assertTrue(new String(gif.body(), StandardCharsets.UTF_8).contains("archive.notAcceptable"));
        assertEquals(400, DicomObjects.getBytes(instancePath() + "/rendered?window=40", "clinic1-rad", "*/*")
                .statusCode());
        assertEquals(400, DicomObjects.getBytes(instancePath() + "/rendered?viewport=0,10", "clinic1-rad", "*/*")
                .statusCode());
        assertEquals(400, DicomObjects.getBytes(instancePath() + "/frames/2/rendered", "clinic1-rad", "*/*")
                .statusCode(), "the gradient has one frame");
        assertEquals(404, DicomObjects.getBytes(instancePath() + "/rendered", "clinic2-rad", "*/*").statusCode(),
                "another institution's image is not found");
        assertEquals(404, DicomObjects.getBytes("/dicomweb/studies/" + study + "/thumbnail", "clinic2-rad", "*/*")
                .statusCode());
        assertEquals(403, DicomObjects.getBytes(instancePath() + "/rendered", "auditor", "*/*").statusCode());
    }

    static BufferedImage decode(byte[] data) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
        assertTrue(image != null, "a decodable image");
        return image;
    }

    /** The grey level as stored (getRGB would convert a linear-grey image's levels to sRGB). */
    static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getNumBands() == 1 ? image.getRaster().getSample(x, y, 0)
                : image.getRGB(x, y) >> 8 & 0xFF;
    }
}
