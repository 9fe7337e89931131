package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WADO-URI (PS3.18 9) on the running archive: the stored object byte for byte as application/dicom, JPEG by default and
 * PNG on request with the window and size parameters applied, clear 400/406 answers for bad requests, and the scoping
 * and audit of the WADO-RS resources.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WadoUriIT {

    private static String study;
    private static String series;
    private static String instance;
    private static String patientId;
    private static byte[] stored;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeAll
    static void storeTheGradient() throws Exception {
        study = DicomObjects.uid();
        series = DicomObjects.uid();
        instance = DicomObjects.uid();
        patientId = "WU-" + Math.abs(study.hashCode());
        stored = TestImages.gradient("钱^统一资源", patientId, study, series, instance, "CT");
        assertEquals(200, DicomObjects.stow("clinic1-tech", stored).statusCode());
    }

    private static String wado(String extra) {
        return "/dicomweb/wado?requestType=WADO&studyUID=" + study + "&seriesUID=" + series + "&objectUID=" + instance
                + extra;
    }

    @Test
    void theStoredObjectComesBackByteForByteAndTheAccessIsAudited() throws Exception {
        HttpResponse<byte[]> response = DicomObjects.getBytes(wado("&contentType=application%2Fdicom"), "clinic1-rad");
        assertEquals(200, response.statusCode());
        assertEquals("application/dicom", response.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(stored, response.body());

        String audit = DicomObjects.get("/api/audit?action=ARCHIVE_RETRIEVE&patientId=" + patientId, "auditor").body();
        assertTrue(audit.contains(study) && audit.contains("clinic1-rad"), audit);
    }

    @Test
    void jpegByDefaultAndPngWithWindowAndSize() throws Exception {
        HttpResponse<byte[]> jpeg = DicomObjects.getBytes(wado(""), "clinic1-rad");
        assertEquals(200, jpeg.statusCode());
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        assertEquals(TestImages.SIZE, RenderedImagesIT.decode(jpeg.body()).getWidth());

        HttpResponse<byte[]> png = DicomObjects.getBytes(wado("&contentType=image%2Fpng&windowCenter=500&windowWidth=200"
                + "&frameNumber=1"), "clinic1-rad");
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = RenderedImagesIT.decode(png.body());
        assertEquals(0, RenderedImagesIT.gray(image, 10, 10), "160 is below 400..600");
        assertEquals(255, RenderedImagesIT.gray(image, 100, 100), "1600 is above");

        BufferedImage small = RenderedImagesIT.decode(DicomObjects.getBytes(wado("&rows=64&columns=64&imageQuality=60"),
                "clinic1-rad").body());
        assertEquals(64, small.getWidth());
        assertEquals(64, small.getHeight());
    }

    @Test
    void badRequestsAreAnsweredClearlyAndOtherInstitutionsFindNothing() throws Exception {
        HttpResponse<byte[]> noType = DicomObjects.getBytes(wado("").replace("requestType=WADO&", ""), "clinic1-rad");
        assertEquals(400, noType.statusCode());
        assertTrue(new String(noType.body(), StandardCharsets.UTF_8).contains("requestType must be WADO"));
        assertEquals(400, DicomObjects.getBytes(wado("").replace("&objectUID=" + instance, ""), "clinic1-rad")
                .statusCode());
        assertEquals(400, DicomObjects.getBytes(wado("&frameNumber=zero"), "clinic1-rad").statusCode());
        assertEquals(400, DicomObjects.getBytes(wado("&windowCenter=40"), "clinic1-rad").statusCode());
        HttpResponse<byte[]> video = DicomObjects.getBytes(wado("&contentType=video%2Fmpeg"), "clinic1-rad");
        assertEquals(406, video.statusCode());
        assertTrue(!new String(video.body(), StandardCharsets.UTF_8).contains("Exception"));
        assertEquals(406, DicomObjects.getBytes(wado("&contentType=application%2Fdicom&transferSyntax=1.2.840.10008.1.2.4.50"),
                "clinic1-rad").statusCode(), "transcoding is not offered");
        assertEquals(404, DicomObjects.getBytes(wado("&contentType=application%2Fdicom"), "clinic2-rad").statusCode());
        assertEquals(403, DicomObjects.getBytes(wado(""), "auditor").statusCode());
    }
}
