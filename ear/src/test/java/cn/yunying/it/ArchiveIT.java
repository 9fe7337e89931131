package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The archive through DICOMweb: STOW, QIDO, WADO, scoping, injection attempts, duplicates and conflicts. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void stowQidoWadoRoundTripKeepsChineseNamesFromUtf8AndGb18030Files() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String sopUtf8 = DicomObjects.uid();
        String sopGb = DicomObjects.uid();
        String patientId = "RT-" + study.substring(study.length() - 8);
        byte[] utf8 = DicomObjects.object("UTF-8", "张三^四", patientId, study, series, sopUtf8, "CT", "20240315",
                "UTF-8 备注");
        byte[] gb = DicomObjects.object("GB18030", "张三^四", patientId, study, series, sopGb, "CT", "20240315",
                "GB18030 备注");

        HttpResponse<String> stored = DicomObjects.stow("clinic1-tech", utf8, gb);
        assertEquals(200, stored.statusCode(), stored.body());
        assertTrue(stored.body().contains("\"00081199\"") && stored.body().contains(sopUtf8)
                && stored.body().contains(sopGb), stored.body());
        assertFalse(stored.body().contains("\"00081198\""), "nothing failed: " + stored.body());

        String name = URLEncoder.encode("张三*", StandardCharsets.UTF_8);
        HttpResponse<String> studies = DicomObjects.get("/dicomweb/studies?PatientName=" + name + "&PatientID="
                + patientId, "clinic1-rad");
        assertEquals(200, studies.statusCode(), studies.body());
        assertTrue(studies.headers().firstValue("content-type").orElse("").startsWith("application/dicom+json"));
        assertTrue(studies.body().contains(study) && studies.body().contains("张三^四"), studies.body());
        assertTrue(studies.body().contains("\"00201208\":{\"vr\":\"IS\",\"Value\":[2]}"), "two instances: "
                + studies.body());
        assertTrue(DicomObjects.get("/dicomweb/studies?StudyDate=20240301-20240331&PatientID=" + patientId,
                "clinic1-rad").body().contains(study), "date range");
        assertEquals("[]", DicomObjects.get("/dicomweb/studies?StudyDate=20240401-&PatientID=" + patientId,
                "clinic1-rad").body(), "date range excludes");
        assertTrue(DicomObjects.get("/dicomweb/studies?ModalitiesInStudy=CT&PatientID=" + patientId,
                "clinic1-rad").body().contains(study), "modalities in study");
        assertEquals("[]", DicomObjects.get("/dicomweb/studies?ModalitiesInStudy=MR&PatientID=" + patientId,
                "clinic1-rad").body());

        String instances = DicomObjects.get("/dicomweb/studies/" + study + "/series/" + series
                + "/instances?includefield=00204000", "clinic1-rad").body();
        assertTrue(instances.contains(sopUtf8) && instances.contains(sopGb), instances);
        assertTrue(instances.contains("UTF-8 备注") && instances.contains("GB18030 备注"), instances);
        assertTrue(DicomObjects.get("/dicomweb/series?SeriesInstanceUID=" + series, "clinic1-rad").body()
                .contains(series));

        String metadata = DicomObjects.get("/dicomweb/studies/" + study + "/metadata", "clinic1-rad").body();
        assertTrue(metadata.contains("张三^四") && metadata.contains("ISO_IR 192") && !metadata.contains("7FE00010"),
                "metadata in Unicode, without pixel data: " + metadata);

        HttpResponse<byte[]> retrieved = DicomObjects.getBytes("/dicomweb/studies/" + study + "/series/" + series
                + "/instances/" + sopGb, "clinic1-rad");
        assertEquals(200, retrieved.statusCode());
        String type = retrieved.headers().firstValue("content-type").orElse("");
        assertTrue(type.startsWith("multipart/related") && type.contains("application/dicom"), type);
        List<byte[]> parts = DicomObjects.parts(retrieved.body(), type);
        assertEquals(1, parts.size());
        assertArrayEquals(gb, parts.get(0), "the GB18030 file comes back byte for byte");
        assertEquals(String.valueOf(retrieved.body().length), retrieved.headers().firstValue("content-length")
                .orElse(""), "the length of the whole answer is announced (the files are sent with sendfile)");
        HttpResponse<byte[]> wholeStudy = DicomObjects.getBytes("/dicomweb/studies/" + study, "clinic1-rad");
        assertEquals(2, DicomObjects.parts(wholeStudy.body(),
                wholeStudy.headers().firstValue("content-type").orElse("")).size());

        String audit = DicomObjects.get("/api/audit?action=ARCHIVE_RETRIEVE&patientId=" + patientId, "auditor").body();
        assertTrue(audit.contains(study) && audit.contains("clinic1-rad"), audit);
        String stores = DicomObjects.get("/api/audit?action=ARCHIVE_STORE&patientId=" + patientId, "auditor").body();
        assertTrue(stores.contains("clinic1-tech"), stores);
        assertTrue(DicomObjects.get("/api/audit?action=ARCHIVE_QUERY&actor=clinic1-rad", "auditor").body()
                .contains("ARCHIVE_QUERY"));
    }

    @Test
    void aClinicDoesNotSeeAnotherClinicsStudy() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String sop = DicomObjects.uid();
        byte[] object = DicomObjects.object("UTF-8", "李^雷", "SC-1", study, series, sop, "MR", "20240102", "clinic 1");
        assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode());

        assertTrue(DicomObjects.get("/dicomweb/studies?StudyInstanceUID=" + study, "clinic1-rad").body().contains(study));
        assertEquals("[]", DicomObjects.get("/dicomweb/studies?StudyInstanceUID=" + study, "clinic2-rad").body());
        assertEquals("[]", DicomObjects.get("/dicomweb/instances?SOPInstanceUID=" + sop, "clinic2-rad").body());
        assertEquals(404, DicomObjects.getBytes("/dicomweb/studies/" + study, "clinic2-rad").statusCode());
        assertEquals(404, DicomObjects.get("/dicomweb/studies/" + study + "/metadata", "clinic2-rad").statusCode());
        assertTrue(DicomObjects.get("/dicomweb/studies?StudyInstanceUID=" + study, "admin").body().contains(study),
                "the platform administrator sees every institution");
        assertEquals(403, DicomObjects.get("/dicomweb/studies", "auditor").statusCode(), "auditors have no clinical access");
        assertEquals(403, DicomObjects.stow("auditor", object).statusCode());
    }

    @Test
    void qidoParametersCannotInjectSql() throws Exception {
        String study = DicomObjects.uid();
        byte[] object = DicomObjects.object("UTF-8", "O'Brien^Pat", "INJ-1", study, DicomObjects.uid(),
                DicomObjects.uid(), "CT", "20240105", "injection");
        assertEquals(200, DicomObjects.stow("clinic1-tech", object).statusCode());

        assertEquals("[]", query("PatientName", "x' OR '1'='1"));
        assertEquals("[]", query("PatientID", "INJ-1' OR 1=1 --"));
        assertEquals("[]", query("PatientID", "%"), "LIKE metacharacters are literals");
        assertEquals("[]", query("PatientID", "INJ_1"), "an underscore is not a wildcard");
        assertEquals("[]", query("AccessionNumber", "'; DROP TABLE archive_study; --"));
        assertTrue(query("PatientName", "O'Brien*").contains(study), "a quote in a real name still matches");
        // wildcard queries reach PostgreSQL with their values as literals (JpaArchiveRepository.find): still values
        assertEquals("[]", query("PatientName", "x' OR '1'='1*"));
        assertEquals("[]", query("PatientName", "\\' OR 1=1 --*"));
        assertEquals("[]", query("AccessionNumber", "'; DROP TABLE archive_study; --*"));
        assertEquals(400, DicomObjects.get("/dicomweb/studies?StudyInstanceUID="
                + URLEncoder.encode("1.2' OR '1'='1", StandardCharsets.UTF_8), "clinic1-rad").statusCode());
        assertEquals(400, DicomObjects.get("/dicomweb/studies?StudyDate="
                + URLEncoder.encode("2024' OR 1=1", StandardCharsets.UTF_8), "clinic1-rad").statusCode());
        HttpResponse<String> unknown = DicomObjects.get("/dicomweb/studies?"
                + URLEncoder.encode("1=1;DROP", StandardCharsets.UTF_8) + "=x", "clinic1-rad");
        assertEquals(400, unknown.statusCode());
        assertFalse(unknown.body().contains("Exception") || unknown.body().contains("SELECT"), unknown.body());
        assertEquals(400, DicomObjects.get("/dicomweb/studies?limit=-1", "clinic1-rad").statusCode());
        assertTrue(query("PatientID", "INJ-1").contains(study), "the index is intact");
    }

    @Test
    void duplicatesAreIgnoredWhenIdenticalRejectedWhenDifferentAndConflictsAreVisible() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String sop = DicomObjects.uid();
        String patientId = "DUP-" + study.substring(study.length() - 6);
        byte[] first = DicomObjects.object("UTF-8", "王^五", patientId, study, series, sop, "CR", "20240201", "first");
        assertEquals(200, DicomObjects.stow("clinic1-tech", first).statusCode());

        HttpResponse<String> identical = DicomObjects.stow("clinic1-tech", first);
        assertEquals(200, identical.statusCode(), "an identical copy is a success: " + identical.body());
        assertTrue(identical.body().contains("\"00081196\""), "flagged with a warning: " + identical.body());

        byte[] different = DicomObjects.object("UTF-8", "王^五", patientId, study, series, sop, "CR", "20240201",
                "changed content");
        HttpResponse<String> rejected = DicomObjects.stow("clinic1-tech", different);
        assertEquals(409, rejected.statusCode(), rejected.body());
        assertTrue(rejected.body().contains("\"00081198\"") && rejected.body().contains("\"Value\":[273]"),
                "failure reason 0x0111 duplicate: " + rejected.body());

        byte[] otherName = DicomObjects.object("UTF-8", "王^六", patientId, study, series, DicomObjects.uid(), "CR",
                "20240201", "second");
        assertEquals(200, DicomObjects.stow("clinic1-tech", otherName).statusCode());
        String studies = DicomObjects.get("/dicomweb/studies?PatientID=" + patientId, "clinic1-rad").body();
        assertTrue(studies.contains("王^五") && !studies.contains("王^六"), "the first demographics stay: " + studies);

        String conflicts = DicomObjects.get("/api/archive/conflicts", "clinic1-admin").body();
        assertTrue(conflicts.contains(sop) && conflicts.contains("DUPLICATE_REJECTED"), conflicts);
        assertTrue(conflicts.contains("PATIENT_DEMOGRAPHICS") && conflicts.contains("王^六"), conflicts);
        assertFalse(DicomObjects.get("/api/archive/conflicts", "clinic2-admin").body().contains(patientId),
                "conflicts are scoped like studies");

        assertEquals(415, YunyingEar.postForm(YunyingEar.PORTAL + "/dicomweb/studies", "clinic1-tech", "a", "b")
                .statusCode(), "STOW-RS needs multipart/related");
    }

    private static String query(String key, String value) throws Exception {
        HttpResponse<String> response = DicomObjects.get("/dicomweb/studies?" + key + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), "clinic1-rad");
        assertEquals(200, response.statusCode(), key + "=" + value + ": " + response.body());
        return response.body();
    }
}
