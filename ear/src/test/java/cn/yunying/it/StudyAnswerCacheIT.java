package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The study answer cache (WADO-RS metadata, QIDO-RS within a study) in the deployed server: answers are served from
 * the cache, a new instance in the study drops them, and scoping is decided before the cache for every caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudyAnswerCacheIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void metadataIsCachedDroppedWhenAnInstanceArrivesAndNeverShownOutsideTheScope() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String first = DicomObjects.uid();
        String second = DicomObjects.uid();
        String patientId = "CACHE-" + study.substring(study.length() - 8);
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("UTF-8", "赵^缓存", patientId, study,
                series, first, "CT", "20240610", "第一张")).statusCode());

        String studyMetadata = "/dicomweb/studies/" + study + "/metadata";
        String seriesMetadata = "/dicomweb/studies/" + study + "/series/" + series + "/metadata";
        String instances = "/dicomweb/studies/" + study + "/instances?includefield=00204000";
        String before = DicomObjects.get(studyMetadata, "clinic1-rad").body();
        assertTrue(before.contains(first) && before.contains("赵^缓存") && before.contains("第一张"), before);
        assertTrue(DicomObjects.get(seriesMetadata, "clinic1-rad").body().contains(first));
        assertTrue(DicomObjects.get(instances, "clinic1-rad").body().contains("第一张"));

        // Behind the application's back (no event): the cached answers must still be what is served.
        updateStoredComment(first, "第一张", "改过的");
        String cached = DicomObjects.get(studyMetadata, "clinic1-rad").body();
        assertTrue(cached.contains("第一张") && !cached.contains("改过的"), "served from the cache: " + cached);
        assertTrue(DicomObjects.get(instances, "clinic1-rad").body().contains("第一张"), "QIDO within the study too");

        // Another caller of the same institution gets the same content; another institution never does.
        assertTrue(DicomObjects.get(studyMetadata, "clinic1-tech").body().contains(first));
        HttpResponse<String> foreign = DicomObjects.get(studyMetadata, "clinic2-rad");
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertFalse(foreign.body().contains(first) || foreign.body().contains("赵"), foreign.body());
        assertEquals(404, DicomObjects.get(seriesMetadata, "clinic2-rad").statusCode());
        assertEquals("[]", DicomObjects.get(instances, "clinic2-rad").body());
        assertEquals("[]", DicomObjects.get("/dicomweb/studies/" + study + "/series", "clinic2-rad").body());
        assertEquals(403, DicomObjects.get(studyMetadata, "auditor").statusCode(), "auditors have no clinical access");
        assertEquals(403, DicomObjects.get(instances, "auditor").statusCode());

        // A new instance in the study: every cached answer of the study is dropped once it is committed.
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("UTF-8", "赵^缓存", patientId, study,
                series, second, "CT", "20240610", "第二张")).statusCode());
        String after = DicomObjects.get(studyMetadata, "clinic1-rad").body();
        assertTrue(after.contains(first) && after.contains(second) && after.contains("第二张"), after);
        assertTrue(after.contains("改过的") && !after.contains("第一张"), "recomputed from the index: " + after);
        String seriesAfter = DicomObjects.get(seriesMetadata, "clinic1-rad").body();
        assertTrue(seriesAfter.contains(first) && seriesAfter.contains(second), seriesAfter);
        String instancesAfter = DicomObjects.get(instances, "clinic1-rad").body();
        assertTrue(instancesAfter.contains(second) && instancesAfter.contains("第二张"), instancesAfter);
        assertEquals(404, DicomObjects.get(studyMetadata, "clinic2-rad").statusCode());

        // Cached reads are audited like uncached ones.
        String audit = DicomObjects.get("/api/audit?action=ARCHIVE_RETRIEVE&patientId=" + patientId, "auditor").body();
        assertTrue(count(audit, "metadata of 1 instance(s)") >= 3, "each metadata read is audited: " + audit);
        assertTrue(audit.contains("metadata of 2 instance(s)"), audit);
    }

    private static void updateStoredComment(String sopInstanceUid, String from, String to) throws Exception {
        try (Connection db = YunyingEar.database(); PreparedStatement update = db.prepareStatement(
                "UPDATE archive_instance SET metadata_json = replace(metadata_json, ?, ?) WHERE sop_instance_uid = ?")) {
            update.setString(1, from);
            update.setString(2, to);
            update.setString(3, sopInstanceUid);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
