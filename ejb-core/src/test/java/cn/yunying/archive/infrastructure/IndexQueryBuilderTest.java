package cn.yunying.archive.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static final String EVIL = "x' OR '1'='1'; DROP TABLE archive_study; --";

    @Test
    void valuesNeverBecomePartOfTheStatement() {
        Built built = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, Matching.parse(EVIL, Kind.PERSON_NAME, false), false),
                new KeyMatch(IndexedKey.ACCESSION_NUMBER, Matching.parse(EVIL + "*", Kind.TEXT, false), false),
                new KeyMatch(IndexedKey.PATIENT_ID, Matching.parse(EVIL, Kind.TEXT, false), false)), Set.of(1L));
        assertFalse(built.jpql().contains("DROP") || built.jpql().contains("'1'"), built.jpql());
        assertTrue(built.parameters().containsValue(EVIL), "single value matching binds the value as given");
        assertTrue(built.parameters().values().stream().anyMatch(v -> String.valueOf(v).contains("DROP")));
        assertTrue(built.jpql().contains("s.institutionId IN :institutions"));
    }

    @Test
    void universalKeysAndKeysBelowTheLevelAddNoCondition() {
        Built built = IndexQueryBuilder.build(QueryLevel.STUDY, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, new Matching.Universal(), false),
                new KeyMatch(IndexedKey.SOP_INSTANCE_UID, new Matching.Single("1.2"), false)), null);
        assertEquals("SELECT s, p FROM ArchiveStudy s, ArchivePatient p WHERE s.patientPk = p.id ORDER BY s.id",
                built.jpql());
        assertTrue(built.parameters().isEmpty());
    }

    @Test
    void fuzzyPersonNamesUseTheNormalisedColumnAndRangesUseBothBounds() {
        Built built = IndexQueryBuilder.build(QueryLevel.IMAGE, List.of(
                new KeyMatch(IndexedKey.PATIENT_NAME, Matching.parse("zhang*", Kind.PERSON_NAME, true), true),
                new KeyMatch(IndexedKey.STUDY_DATE, Matching.parse("20240101-20240131", Kind.DATE, false), false)),
                null);
        assertTrue(built.jpql().contains("p.patientNameNorm LIKE"), built.jpql());
        assertTrue(built.parameters().containsValue("ZHANG%"));
        assertTrue(built.jpql().contains("s.studyDate >= :") && built.jpql().contains("s.studyDate <= :"));
    }

    @Test
    void literalPersonNamesAreEscapedForTheGroupPatterns() {
        assertEquals("100\\%\\_a\\\\b", IndexQueryBuilder.escapeLiteral("100%_a\\b"));
    }
}
