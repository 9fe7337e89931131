package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.application.events.PatientDataAccessed;
import cn.yunying.archive.domain.IndexConflict;
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
import cn.yunying.shared.DomainException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import cn.yunying.archive.domain.AccessScope;
import cn.yunying.archive.domain.ArchivePatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index and the query engine on the real migrations (H2 in PostgreSQL mode): matching rules as SQL, Chinese names,
 * scoping, conflicts, and injection attempts that must stay values.
 */
class ArchiveIndexH2Test {

    private static EntityManagerFactory factory;
    private static EntityManager em;
    private static ArchiveIndexer indexer;
    private static ArchiveQuery query;
    private static final List<PatientDataAccessed> EVENTS = new ArrayList<>();
    private static final StudyChangeRecorder CHANGES = new StudyChangeRecorder();
    private static Long clinicA;
    private static Long clinicB;
    private static final AccessScope ALL = new AccessScope(null, null);

    @BeforeAll
    static void index() {
        factory = SchemaConformance.migratedH2("archive");
        em = factory.createEntityManager();
        JpaArchiveRepository repository = new JpaArchiveRepository(em);
        indexer = new ArchiveIndexer();
        indexer.repository = repository;
        indexer.accessed = new Recorder();
        indexer.studyChanged = CHANGES;
        query = new ArchiveQuery();
        query.repository = repository;
        query.accessed = new Recorder();
        em.getTransaction().begin();
        Institution a = new Institution("IDX-A", "城东", "East", InstitutionLevel.COMMUNITY_CLINIC,
                InstitutionStatus.CERTIFIED, Instant.now());
        Institution b = new Institution("IDX-B", "西山", "West", InstitutionLevel.TOWNSHIP_CLINIC,
                InstitutionStatus.CERTIFIED, Instant.now());
        em.persist(a);
        em.persist(b);
        em.getTransaction().commit();
        clinicA = a.getId();
        clinicB = b.getId();
        store(clinicA, "Zhang^San=张^三", "P1", "1.1", "1.1.1", "1.1.1.1", "20240315", "CT", "ACC-1");
        store(clinicA, "Zhang^San=张^三", "P1", "1.1", "1.1.2", "1.1.2.1", "20240315", "SR", "ACC-1");
        store(clinicA, "张三^四", "P2", "1.2", "1.2.1", "1.2.1.1", "20240501", "MR", "ACC%2");
        store(clinicB, "O'Brien^Pat", "P3", "1.3", "1.3.1", "1.3.1.1", "20240315", "CT", "ACC-3");
        store(clinicA, "Zhang^Sam", "P1", "1.1", "1.1.1", "1.1.1.2", "20240315", "CT", "ACC-1");
    }

    @AfterAll
    static void close() {
        em.close();
        factory.close();
    }

    private static void store(Long institution, String name, String patientId, String study, String series, String sop,
                              String date, String modality, String accession) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PATIENT_NAME, VR.PN, name);
        ds.setString(Tag.PATIENT_ID, VR.LO, patientId);
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, series);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.STUDY_DATE, VR.DA, date);
        ds.setString(Tag.MODALITY, VR.CS, modality);
        ds.setString(Tag.ACCESSION_NUMBER, VR.SH, accession);
        ds.setString(0x00204000, VR.LT, "备注 " + sop);
        em.getTransaction().begin();
        indexer.index(new IngestSource(IngestSource.Kind.USER, "tech", institution, null), InstanceHeader.of(ds),
                new StoredObject("x/" + sop + ".dcm", 10, "0".repeat(32), "0".repeat(64), "1.2.840.10008.1.2.1"),
                MetadataJson.of(ds), false);
        em.getTransaction().commit();
    }

    private static List<String> scoped(Set<Long> scope, boolean fuzzy, Object... tagValue) {
        Attributes keys = new Attributes();
        for (int i = 0; i < tagValue.length; i += 2) {
            int tag = (Integer) tagValue[i];
            keys.setString(tag, cn.yunying.dicom.dict.ElementDictionary.vrOf(tag), (String) tagValue[i + 1]);
        }
        return query.run(QueryLevel.STUDY, keys, new QueryOptions(0, 100, fuzzy, null, Set.of(), false),
                new AccessScope(scope, null), "t",
                "USER", null).stream().map(a -> a.getString(Tag.STUDY_INSTANCE_UID)).sorted().toList();
    }

    private static List<String> studies(Object... tagValue) {
        return scoped(Set.of(clinicA, clinicB), false, tagValue);
    }

    @Test
    void everyIndexedInstanceAnnouncesThatItsStudyChanged() {
        assertEquals(List.of("1.1", "1.1", "1.2", "1.3", "1.1"), CHANGES.studies);
    }

    @Test
    void personNamesMatchWholeOrPerComponentGroupWithWildcardsIncludingChinese() {
        assertEquals(List.of("1.1", "1.2"), studies(Tag.PATIENT_NAME, "张*"));
        assertEquals(List.of("1.2"), studies(Tag.PATIENT_NAME, "张三^四"));
        assertEquals(List.of("1.1"), studies(Tag.PATIENT_NAME, "张^三"), "the ideographic group alone");
        assertEquals(List.of("1.1"), studies(Tag.PATIENT_NAME, "Zhang^Sa?"));
        assertEquals(List.of(), studies(Tag.PATIENT_NAME, "zhang*"), "case-sensitive by default");
        assertEquals(List.of("1.1"), scoped(Set.of(clinicA), true, Tag.PATIENT_NAME, "zhang*"), "fuzzy ignores case");
    }

    @Test
    void dateRangesUidListsModalitiesAndUniversalMatching() {
        assertEquals(List.of("1.1", "1.3"), studies(Tag.STUDY_DATE, "20240301-20240331"));
        assertEquals(List.of("1.2"), studies(Tag.STUDY_DATE, "20240401-"));
        assertEquals(List.of("1.1", "1.3"), studies(Tag.STUDY_DATE, "-20240315"));
        assertEquals(List.of("1.1", "1.3"), studies(Tag.STUDY_INSTANCE_UID, "1.1\\1.3"));
        assertEquals(List.of("1.1"), studies(0x00080061, "SR"));
        assertEquals(List.of("1.1", "1.2"), studies(0x00080061, "SR\\MR"));
        assertEquals(List.of("1.1", "1.2", "1.3"), studies(Tag.PATIENT_NAME, "", Tag.ACCESSION_NUMBER, "*"));
    }

    @Test
    void resultsCarryCountsModalitiesAndTheFirstDemographics() {
        Attributes study = query.run(QueryLevel.STUDY, keys(Tag.STUDY_INSTANCE_UID, "1.1"), QueryOptions.all(),
                ALL, "t", "USER", null).get(0);
        assertEquals("Zhang^San=张^三", study.getString(Tag.PATIENT_NAME), "the first name stays");
        assertEquals(3, study.getInt(0x00201208, 0));
        assertEquals(2, study.getInt(0x00201206, 0));
        assertEquals(List.of("CT", "SR"), List.of(study.getStrings(0x00080061)));
        List<Attributes> images = query.run(QueryLevel.IMAGE, keys(Tag.SERIES_INSTANCE_UID, "1.1.1"),
                new QueryOptions(0, 10, false, null, Set.of(0x00204000), false), ALL, "t", "USER", null);
        assertEquals(2, images.size());
        assertTrue(images.get(0).getString(0x00204000).startsWith("备注"), "includefield from the stored metadata");
        assertEquals(1, query.run(QueryLevel.IMAGE, keys(Tag.SERIES_INSTANCE_UID, "1.1.1"),
                new QueryOptions(1, 10, false, null, Set.of(), false), ALL, "t", "USER", null).size(), "offset");
    }

    @Test
    void conflictingDemographicsAreRecordedAndVisiblePerInstitution() {
        JpaArchiveRepository repository = new JpaArchiveRepository(em);
        var conflicts = repository.conflicts(List.of(clinicA), 10);
        assertEquals(1, conflicts.size());
        assertEquals("PATIENT_DEMOGRAPHICS", conflicts.get(0).getKind());
        assertTrue(conflicts.get(0).getReceivedValue().contains("Zhang^Sam"));
        assertEquals(0, repository.conflicts(List.of(clinicB), 10).size());
    }

    @Test
    void anObjectCannotJoinASeriesOfAnotherStudyNorAStudyOfAnotherInstitution() {
        IndexConflict otherStudy = assertThrows(IndexConflict.class, () -> store(clinicA, "Zhang^San=张^三", "P1",
                "1.9", "1.1.1", "1.9.1.1", "20240315", "CT", "ACC-9"));
        em.getTransaction().rollback();
        assertTrue(otherStudy.getMessage().contains("another study"), otherStudy.getMessage());
        IndexConflict otherOwner = assertThrows(IndexConflict.class, () -> store(clinicB, "Zhang^San=张^三", "P1",
                "1.1", "1.1.1", "1.1.1.9", "20240315", "CT", "ACC-1"));
        em.getTransaction().rollback();
        assertTrue(otherOwner.getMessage().contains("another institution"), otherOwner.getMessage());
        assertEquals(List.of(), studies(Tag.STUDY_INSTANCE_UID, "1.9"), "nothing of either attempt was indexed");
    }

    @Test
    void scopingKeepsOtherInstitutionsOut() {
        assertEquals(List.of("1.1", "1.2"), scoped(Set.of(clinicA), false, Tag.STUDY_DATE, ""));
        assertEquals(List.of("1.3"), scoped(Set.of(clinicB), false, Tag.STUDY_INSTANCE_UID, "1.1\\1.3"));
        assertEquals(List.of("1.1", "1.2", "1.3"), scoped(null, false, Tag.STUDY_DATE, ""), "platform-wide");
    }

    @Test
    void vipStudiesAndPatientsAreVisibleOnlyWithAGrantOfTheirInstitution() {
        JpaArchiveRepository repository = new JpaArchiveRepository(em);
        em.getTransaction().begin();
        repository.study("1.2").orElseThrow().setVip(true, Instant.now());
        ArchivePatient p3 = repository.patient(clinicB, "P3", "").orElseThrow();
        p3.setVip(true, Instant.now());
        em.getTransaction().commit();
        try {
            assertEquals(List.of("1.1"), vip(Set.of(clinicA, clinicB), Set.of()), "no grant: neither VIP study");
            assertEquals(List.of("1.1", "1.2"), vip(Set.of(clinicA, clinicB), Set.of(clinicA)),
                    "a grant of A shows A's VIP study, not B's VIP patient");
            assertEquals(List.of("1.1", "1.3"), vip(null, Set.of(clinicB)), "platform-wide needs a grant too");
            assertEquals(List.of("1.1", "1.2"), vip(Set.of(clinicA), Set.of(clinicA, clinicB)),
                    "a grant never widens the institutions");
            assertEquals(List.of("1.1", "1.2"), query.run(QueryLevel.STUDY, new Attributes(), QueryOptions.all(),
                    AccessScope.ownInstitution(Set.of(clinicA)), "CT_A", "DICOM_AE", null).stream()
                    .map(a -> a.getString(Tag.STUDY_INSTANCE_UID)).sorted().toList(), "an AE of the owner sees VIP");
            assertEquals(0, query.run(QueryLevel.PATIENT, keys(Tag.PATIENT_ID, "P3"), QueryOptions.all(),
                    new AccessScope(null, Set.of()), "t", "USER", null).size(), "VIP patient hidden at patient level");
            assertEquals(List.of("1.2"), repository.vipStudyUids(List.of("1.1", "1.2")));
        } finally {
            em.getTransaction().begin();
            repository.study("1.2").orElseThrow().setVip(false, null);
            p3.setVip(false, null);
            em.getTransaction().commit();
        }
    }

    private static List<String> vip(Set<Long> institutions, Set<Long> vipInstitutions) {
        return query.run(QueryLevel.STUDY, new Attributes(), QueryOptions.all(),
                new AccessScope(institutions, vipInstitutions), "t", "USER", null).stream()
                .map(a -> a.getString(Tag.STUDY_INSTANCE_UID)).sorted().toList();
    }

    @Test
    void injectionAttemptsAreValuesNotSql() {
        assertEquals(List.of(), studies(Tag.PATIENT_NAME, "x' OR '1'='1"));
        assertEquals(List.of(), studies(Tag.PATIENT_ID, "P1' OR 1=1 --"));
        assertEquals(List.of(), studies(Tag.ACCESSION_NUMBER, "'; DROP TABLE archive_study; --"));
        assertEquals(List.of(), studies(Tag.PATIENT_ID, "%"), "% is a literal, not a wildcard");
        assertEquals(List.of(), studies(Tag.ACCESSION_NUMBER, "ACC_1"), "_ is a literal");
        assertEquals(List.of("1.2"), studies(Tag.ACCESSION_NUMBER, "ACC%2"));
        assertEquals(List.of("1.2"), studies(Tag.ACCESSION_NUMBER, "ACC%*"));
        assertEquals(List.of("1.3"), studies(Tag.PATIENT_NAME, "O'Brien*"));
        // wildcard queries send their values as literals (planned with the pattern's prefix): still values, not SQL
        assertEquals(List.of(), studies(Tag.PATIENT_NAME, "x' OR '1'='1*"));
        assertEquals(List.of(), studies(Tag.PATIENT_NAME, "\\' OR 1=1 --*"));
        assertEquals(List.of(), studies(Tag.ACCESSION_NUMBER, "'; DROP TABLE archive_study; --*"));
        assertThrows(DomainException.class, () -> studies(Tag.STUDY_INSTANCE_UID, "1.1' OR '1'='1"));
        assertThrows(DomainException.class, () -> studies(Tag.STUDY_DATE, "2024' OR 1=1"));
        assertEquals(List.of("1.1", "1.2", "1.3"), studies(Tag.STUDY_DATE, ""), "the index is intact");
    }

    @Test
    void everyQueryIsAnnouncedForTheAuditTrail() {
        int before = EVENTS.size();
        studies(Tag.PATIENT_ID, "P2");
        PatientDataAccessed event = EVENTS.get(EVENTS.size() - 1);
        assertEquals(before + 1, EVENTS.size());
        assertEquals("ARCHIVE_QUERY", event.action());
        assertEquals("P2", event.patientId());
    }

    private static Attributes keys(int tag, String value) {
        Attributes keys = new Attributes();
        keys.setString(tag, VR.UI, value);
        return keys;
    }

    /** Collects fired events (CDI is not running here). */
    static final class Recorder implements Event<PatientDataAccessed> {
        @Override
        public void fire(PatientDataAccessed event) {
            EVENTS.add(event);
        }

        @Override
        public <U extends PatientDataAccessed> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PatientDataAccessed> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PatientDataAccessed> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends PatientDataAccessed> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PatientDataAccessed> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
