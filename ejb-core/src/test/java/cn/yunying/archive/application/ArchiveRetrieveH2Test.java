package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.StoragePaths;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.platform.persistence.SchemaConformance;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the C-MOVE and storage commitment side will call: locate files for an AE, verify checksums. */
class ArchiveRetrieveH2Test {

    @TempDir
    static Path root;

    private static EntityManagerFactory factory;
    private static EntityManager em;
    private static ArchiveRetrieve retrieve;
    private static FileStorage storage;
    private static String path;
    private static StoredObject stored;

    @BeforeAll
    static void storeOneInstance() throws Exception {
        factory = SchemaConformance.migratedH2("retrieve");
        em = factory.createEntityManager();
        em.getTransaction().begin();
        Institution a = new Institution("RET-A", "城东", "East", InstitutionLevel.COMMUNITY_CLINIC,
                InstitutionStatus.CERTIFIED, Instant.now());
        Institution b = new Institution("RET-B", "西山", "West", InstitutionLevel.TOWNSHIP_CLINIC,
                InstitutionStatus.CERTIFIED, Instant.now());
        em.persist(a);
        em.persist(b);
        em.getTransaction().commit();
        Map<String, Set<Long>> aes = Map.of("CT_A", Set.of(a.getId()), "MR_B", Set.of(b.getId()));

        storage = new FileStorage(root);
        byte[] object = TestObjects.part10("1.2.3.4.77", "r");
        var received = storage.receive(new ByteArrayInputStream(object),
                (in, copy) -> DicomFiles.copyAndParse(in, copy, 1024, "file"));
        InstanceHeader header = InstanceHeader.of(received.parsed().dataset());
        path = StoragePaths.of(header.studyUid(), header.seriesUid(), header.sopInstanceUid(), received.sha256());
        storage.commit(received, path);

        JpaArchiveRepository repository = new JpaArchiveRepository(em);
        ArchiveIndexer indexer = new ArchiveIndexer();
        indexer.repository = repository;
        indexer.accessed = new ArchiveIndexH2Test.Recorder();
        indexer.studyChanged = new StudyChangeRecorder();
        em.getTransaction().begin();
        indexer.index(new IngestSource(IngestSource.Kind.DICOM_AE, "CT_A", a.getId(), null), header,
                stored = new StoredObject(path, received.size(), received.md5(), received.sha256(), "1.2.840.10008.1.2.1"),
                MetadataJson.of(received.parsed().dataset()), false);
        em.getTransaction().commit();

        retrieve = new ArchiveRetrieve();
        retrieve.repository = repository;
        retrieve.accessed = new ArchiveIndexH2Test.Recorder();
        retrieve.settings = new ArchiveSettings() {
            @Override
            public FileStorage storage() {
                return storage;
            }
        };
        retrieve.callers = new ArchiveCallers() {
            @Override
            public Set<Long> institutionsOfAe(String aeTitle) {
                Set<Long> owned = aes.get(aeTitle);
                if (owned == null) {
                    throw new AccessDeniedException("AE " + aeTitle + " is not registered");
                }
                return owned;
            }
        };
    }

    @AfterAll
    static void close() {
        em.close();
        factory.close();
    }

    @Test
    void anAeLocatesTheFilesOfItsInstitutionOnly() {
        List<RetrievableInstance> files = retrieve.locateForAe("CT_A", "10.0.0.1", "1.2.3", null, null);
        assertEquals(1, files.size());
        RetrievableInstance found = files.get(0);
        assertEquals("1.2.3.4.77", found.sopInstanceUid());
        assertTrue(Files.isRegularFile(Path.of(found.path())));
        // the retrieve reads only these columns (no entities): each must land in its own field
        assertEquals("1.2.3", found.studyUid());
        assertEquals(root.resolve(path), Path.of(found.path()));
        assertEquals(stored.size(), found.size());
        assertEquals(stored.md5(), found.md5());
        assertEquals(stored.sha256(), found.sha256());
        assertEquals("1.2.840.10008.1.2.1", found.transferSyntaxUid());
        assertTrue(found.sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1."), found.sopClassUid());
        assertTrue(found.seriesUid() != null && !found.seriesUid().equals(found.studyUid()), found.seriesUid());
        assertEquals(1, retrieve.locateForAe("CT_A", null, "1.2.3", "1.2.3.4", "1.2.3.4.77").size());
        assertThrows(DomainException.class, () -> retrieve.locateForAe("MR_B", null, "1.2.3", null, null));
        assertThrows(AccessDeniedException.class, () -> retrieve.locateForAe("NOBODY", null, "1.2.3", null, null));
        assertThrows(DomainException.class, () -> retrieve.locateForAe("CT_A", null, "1.2.3' OR '1'='1", null, null));
    }

    @Test
    void storageCommitmentRereadsTheFileAndComparesItsSha256() throws Exception {
        List<CommitmentResult> ok = retrieve.verify("CT_A", List.of("1.2.3.4.77", "9.9.9", "not a uid"));
        assertTrue(ok.get(0).committed(), String.valueOf(ok.get(0)));
        assertFalse(ok.get(1).committed());
        assertFalse(ok.get(2).committed());
        assertFalse(retrieve.verify("MR_B", List.of("1.2.3.4.77")).get(0).committed(),
                "another institution's AE cannot commit our instance");

        Path file = storage.resolve(path);
        byte[] original = Files.readAllBytes(file);
        try {
            Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
            CommitmentResult damaged = retrieve.verify("CT_A", List.of("1.2.3.4.77")).get(0);
            assertFalse(damaged.committed());
            assertEquals("checksum mismatch", damaged.reason());
        } finally {
            Files.write(file, original);
        }
    }
}
