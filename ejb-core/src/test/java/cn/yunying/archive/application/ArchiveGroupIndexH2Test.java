package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.domain.AccessScope;
import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.platform.persistence.SchemaConformance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group commit's transaction on the real migrations (H2 in PostgreSQL mode). */
class ArchiveGroupIndexH2Test {

    private EntityManagerFactory factory;
    private EntityManager em;
    private ArchiveIndexer indexer;
    private ArchiveQuery query;

    @BeforeEach
    void database() {
        factory = SchemaConformance.migratedH2("group");
        em = factory.createEntityManager();
        JpaArchiveRepository repository = new JpaArchiveRepository(em);
        indexer = new ArchiveIndexer();
        indexer.repository = repository;
        indexer.accessed = new ArchiveIndexH2Test.Recorder();
        indexer.studyChanged = new StudyChangeRecorder();
        query = new ArchiveQuery();
        query.repository = repository;
        query.accessed = new ArchiveIndexH2Test.Recorder();
    }

    @AfterEach
    void close() {
        em.close();
        factory.close();
    }

    private List<String> studies(Long institution, String studyUid) {
        Attributes keys = new Attributes();
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
        return query.run(QueryLevel.STUDY, keys, new QueryOptions(0, 100, false, null, Set.of(), false),
                new AccessScope(Set.of(institution), null), "t", "USER", null).stream().map(a -> a.getString(Tag.STUDY_INSTANCE_UID)).toList();
    }

    @Test
    void aGroupIsIndexedInOneTransactionAndAKnownInstanceFailsItOrIsHandedBackWhenLookedUp() {
        IngestSource source = clinic("IDX-C", "南湖", "South");
        List<ArchiveIndexer.NewInstance> group = new ArrayList<>();
        em.getTransaction().begin();
        assertEquals(null, indexer.indexNewOrFindExisting(instance(source, "1.9.1.0")));
        em.getTransaction().commit();
        for (String sop : List.of("1.9.1.1", "1.9.1.2")) {
            group.add(instance(source, sop));
        }
        em.getTransaction().begin();
        assertTrue(indexer.indexNew(group, CompletableFuture.completedFuture(null)));
        em.getTransaction().commit();
        em.getTransaction().begin();
        assertEquals("g/1.9.1.0.dcm", indexer.indexNewOrFindExisting(instance(source, "1.9.1.0")).relativePath(),
                "indexed before: handed back, not inserted");
        em.getTransaction().commit();
        em.getTransaction().begin();
        assertFalse(indexer.indexNew(List.of(instance(source, "1.9.1.3"), instance(source, "1.9.1.1")),
                CompletableFuture.completedFuture(null)), "a known UID in a group violates the unique constraint: the"
                + " group is refused (for a rollback), without an exception");
        em.getTransaction().rollback();
        em.clear();
        assertEquals(List.of("1.9"), studies(source.institutionId(), "1.9"));
        assertEquals(Set.of("g/1.9.1.1.dcm", "g/1.9.1.2.dcm"), new JpaArchiveRepository(em).referencedPaths(
                List.of("g/1.9.1.1.dcm", "g/1.9.1.2.dcm", "g/1.9.1.3.dcm")), "the failed group left nothing");
    }

    @Test
    void aGroupWhoseFilesCouldNotBeForcedIsNotCommitted() {
        IngestSource source = clinic("IDX-F", "北湖", "North");
        em.getTransaction().begin();
        UncheckedIOException notForced = assertThrows(UncheckedIOException.class, () -> indexer.indexNew(
                List.of(instance(source, "1.9.1.7")), CompletableFuture.failedFuture(new IOException("EIO"))));
        assertEquals("EIO", notForced.getCause().getMessage());
        em.getTransaction().rollback(); // what the container does with a system exception
        em.clear();
        assertEquals(Set.of(), new JpaArchiveRepository(em).referencedPaths(List.of("g/1.9.1.7.dcm")),
                "rows written while the fsync ran are not committed");
    }

    /** A certified clinic and its modality CT1, committed. */
    private IngestSource clinic(String code, String nameZh, String nameEn) {
        em.getTransaction().begin();
        Institution c = new Institution(code, nameZh, nameEn, InstitutionLevel.COMMUNITY_CLINIC,
                InstitutionStatus.CERTIFIED, Instant.now());
        em.persist(c);
        em.getTransaction().commit();
        return new IngestSource(IngestSource.Kind.DICOM_AE, "CT1", c.getId(), null);
    }

    private static ArchiveIndexer.NewInstance instance(IngestSource source, String sop) {
        Attributes ds = new Attributes();
        ds.setString(Tag.PATIENT_ID, VR.LO, "P9");
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.9");
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.9.1");
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.MODALITY, VR.CS, "OT");
        return new ArchiveIndexer.NewInstance(source, InstanceHeader.of(ds), new StoredObject("g/" + sop + ".dcm", 10,
                "0".repeat(32), "1".repeat(64), "1.2.840.10008.1.2.1"), MetadataJson.of(ds));
    }
}
