package cn.yunying.archive.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.domain.AccessScope;
import cn.yunying.archive.domain.IndexedKey;
import cn.yunying.archive.domain.Matching;
import cn.yunying.archive.domain.Matching.Kind;
import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.archive.infrastructure.IndexQueryBuilder.Built;
import cn.yunying.archive.infrastructure.IndexQueryBuilder.KeyMatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statement is made of fixed paths only; values travel as parameters. */
class IndexQueryBuilderTest {

    private static final AccessScope ALL = new AccessScope(null, null);
    private static final String EVIL = "x' OR '1'='1'; DROP TABLE archive_study; --";

    @Test
    void valuesNeverBecomePartOfTheStatement() {
        Built built = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, Matching.parse(EVIL, Kind.PERSON_NAME, false), false),
                new KeyMatch(IndexedKey.ACCESSION_NUMBER, Matching.parse(EVIL + "*", Kind.TEXT, false), false),
                new KeyMatch(IndexedKey.PATIENT_ID, Matching.parse(EVIL, Kind.TEXT, false), false)), new AccessScope(Set.of(1L), null));
        assertFalse(built.jpql().contains("DROP") || built.jpql().contains("'1'"), built.jpql());
        assertTrue(built.parameters().containsValue(EVIL), "single value matching binds the value as given");
        assertTrue(built.parameters().values().stream().anyMatch(v -> String.valueOf(v).contains("DROP")));
        assertTrue(built.jpql().contains("s.institutionId IN :institutions"));
    }

    @Test
    void universalKeysAndKeysBelowTheLevelAddNoCondition() {
        Built built = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, new Matching.Universal(), false),
                new KeyMatch(IndexedKey.SOP_INSTANCE_UID, new Matching.Single("1.2"), false)), ALL);
        assertEquals("SELECT s, p FROM ArchiveStudy s, ArchivePatient p WHERE s.patientPk = p.id ORDER BY s.id",
                built.jpql());
        assertTrue(built.parameters().isEmpty());
    }

    @Test
    void fuzzyPersonNamesUseTheNormalisedColumnAndRangesUseBothBounds() {
        Built built = IndexQueryBuilder.build(QueryLevel.IMAGE, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, Matching.parse("zhang*", Kind.PERSON_NAME, true), true),
                new KeyMatch(IndexedKey.STUDY_DATE, Matching.parse("20240101-20240131", Kind.DATE, false), false)),
                ALL);
        assertTrue(built.jpql().contains("p.patientNameNorm LIKE"), built.jpql());
        assertTrue(built.parameters().containsValue("ZHANG%"));
        assertTrue(built.jpql().contains("s.studyDate >= :") && built.jpql().contains("s.studyDate <= :"));
    }

    @Test
    void onlyWildcardQueriesAreMarkedForPlanningWithTheirValues() {
        assertTrue(IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, Matching.parse("ZHANG^SAN*", Kind.PERSON_NAME, false), false)),
                ALL).matchesPatterns());
        assertTrue(IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.ACCESSION_NUMBER, Matching.parse("A1?", Kind.TEXT, false), false)),
                ALL).matchesPatterns());
        assertFalse(IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_ID, Matching.parse("BQ00012340", Kind.TEXT, false), false),
                new KeyMatch(IndexedKey.STUDY_DATE, Matching.parse("20230101-20231231", Kind.DATE, false), false)),
                ALL).matchesPatterns(), "exact values and ranges keep the prepared statement");
    }

    @Test
    void aQueryCanSelectColumnsInsteadOfEntities() {
        Built entities = IndexQueryBuilder.build(QueryLevel.IMAGE, List.of(
                new KeyMatch(IndexedKey.MODALITIES_IN_STUDY, Matching.parse("CT", Kind.TEXT, false), false),
                new KeyMatch(IndexedKey.STUDY_INSTANCE_UID, new Matching.Single("1.2"), false)), ALL);
        Built columns = entities.selecting("i.filePath, s.studyUid");
        assertTrue(columns.jpql().startsWith("SELECT i.filePath, s.studyUid FROM ArchiveInstance i, "), columns.jpql());
        assertTrue(columns.jpql().contains("EXISTS (SELECT m FROM ArchiveSeries m"), "subqueries stay: " + columns.jpql());
        assertEquals(entities.jpql().substring(entities.jpql().indexOf(" FROM ")),
                columns.jpql().substring(columns.jpql().indexOf(" FROM ")));
        assertEquals(entities.parameters(), columns.parameters());
    }

    @Test
    void vipStudiesAndPatientsAreHiddenOutsideTheGrantedInstitutions() {
        Built none = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(), new AccessScope(Set.of(1L, 2L), Set.of()));
        assertTrue(none.jpql().contains("AND (s.vipSince IS NULL AND p.vipSince IS NULL) ORDER BY"), none.jpql());
        Built some = IndexQueryBuilder.build(QueryLevel.IMAGE, List.of(), new AccessScope(null, Set.of(2L)));
        assertTrue(some.jpql().contains("AND ((s.vipSince IS NULL AND p.vipSince IS NULL) OR s.institutionId IN :vipInstitutions)"),
                some.jpql());
        assertEquals(List.of(2L), some.parameters().get("vipInstitutions"));
        assertFalse(some.jpql().contains(":institutions"), "platform-wide: no institution condition");
        Built patients = IndexQueryBuilder.build(QueryLevel.PATIENT, List.of(), new AccessScope(Set.of(1L), Set.of(1L)));
        assertTrue(patients.jpql().contains("(p.vipSince IS NULL OR p.institutionId IN :vipInstitutions)"), patients.jpql());
        Built ae = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(), new AccessScope(Set.of(3L), null));
        assertFalse(ae.jpql().contains("vip"), "no VIP condition when VIP is not restricted");
    }

    @Test
    void literalPersonNamesAreEscapedForTheGroupPatterns() {
        assertEquals("100\\%\\_a\\\\b", IndexQueryBuilder.escapeLiteral("100%_a\\b"));
    }
}
