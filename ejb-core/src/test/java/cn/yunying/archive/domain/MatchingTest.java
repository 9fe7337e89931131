package cn.yunying.archive.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yunying.archive.domain.Matching.Criterion;
import cn.yunying.archive.domain.Matching.DateRange;
import cn.yunying.archive.domain.Matching.Kind;
import cn.yunying.archive.domain.Matching.ListOf;
import cn.yunying.archive.domain.Matching.Single;
import cn.yunying.archive.domain.Matching.TimeRange;
import cn.yunying.archive.domain.Matching.Universal;
import cn.yunying.archive.domain.Matching.Wildcard;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2 matching, key by key. */
class MatchingTest {

    @Test
    void anEmptyValueOrOnlyAsterisksIsUniversalMatching() {
        assertInstanceOf(Universal.class, Matching.parse(null, Kind.TEXT, false));
        assertInstanceOf(Universal.class, Matching.parse("", Kind.DATE, false));
        assertInstanceOf(Universal.class, Matching.parse("*", Kind.PERSON_NAME, false));
        assertInstanceOf(Universal.class, Matching.parse("**", Kind.TEXT, false));
    }

    @Test
    void aValueWithoutWildcardsIsSingleValueMatching() {
        assertEquals(new Single("ACC-1"), Matching.parse("ACC-1", Kind.TEXT, false));
        assertEquals(new Single("张三^四"), Matching.parse("张三^四", Kind.PERSON_NAME, false));
    }

    @Test
    void wildcardsBecomeLikePatternsAndLikeMetacharactersAreEscaped() {
        assertEquals(new Wildcard("张%"), Matching.parse("张*", Kind.PERSON_NAME, false));
        assertEquals(new Wildcard("DOE^J_HN%"), Matching.parse("DOE^J?HN*", Kind.PERSON_NAME, false));
        assertEquals(new Wildcard("100\\%\\_x%"), Matching.parse("100%_x*", Kind.TEXT, false));
        assertEquals(new Wildcard("a\\\\b%"), Matching.parse("a\\b*", Kind.TEXT, false));
    }

    @Test
    void caseInsensitivePersonNamesAreUpperCasedChineseUnchanged() {
        assertEquals(new Wildcard("DOE^J%"), Matching.parse("doe^j*", Kind.PERSON_NAME, true));
        assertEquals(new Single("ZHANG^SAN=张^三"), Matching.parse("zhang^san=张^三", Kind.PERSON_NAME, true));
        assertEquals(new Single("doe"), Matching.parse("doe", Kind.TEXT, true), "only person names ignore case");
    }

    @Test
    void uidListMatching() {
        assertEquals(new Single("1.2.3"), Matching.parse("1.2.3", Kind.UID, false));
        assertEquals(new ListOf(List.of("1.2.3", "1.2.4")), Matching.parse("1.2.3\\1.2.4", Kind.UID, false));
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("1.2.*", Kind.UID, false),
                "no wildcards in UIDs");
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("1.2' OR '1'='1", Kind.UID, false));
    }

    @Test
    void dateRanges() {
        assertEquals(new Single(LocalDate.of(2024, 3, 1)), Matching.parse("20240301", Kind.DATE, false));
        assertEquals(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                Matching.parse("20240101-20241231", Kind.DATE, false));
        assertEquals(new DateRange(null, LocalDate.of(2024, 12, 31)), Matching.parse("-20241231", Kind.DATE, false));
        assertEquals(new DateRange(LocalDate.of(2024, 1, 1), null), Matching.parse("20240101-", Kind.DATE, false));
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("2024-13-01", Kind.DATE, false));
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("20241301", Kind.DATE, false));
    }

    @Test
    void timeRangesCoverWholeHoursAndMinutesAtTheUpperBound() {
        Criterion range = Matching.parse("0800-10", Kind.TIME, false);
        assertEquals(new TimeRange(LocalTime.of(8, 0), LocalTime.of(10, 59, 59, 999_999_000)), range);
        assertEquals(new Single(LocalTime.of(14, 30, 15, 500_000_000)), Matching.parse("143015.5", Kind.TIME, false));
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("25", Kind.TIME, false));
    }

    @Test
    void numbers() {
        assertEquals(new Single(3), Matching.parse("3", Kind.NUMBER, false));
        assertEquals(new ListOf(List.of(1, 2)), Matching.parse("1\\2", Kind.NUMBER, false));
        assertThrows(IllegalArgumentException.class, () -> Matching.parse("1;DROP", Kind.NUMBER, false));
    }

    @Test
    void storagePathsAreDerivedFromValidUidsOnly() {
        String sha = "0123456789abcdef".repeat(4);
        String path = StoragePaths.of("1.2.3", "1.2.3.4", "1.2.3.4.5", sha);
        assertEquals(true, path.matches("[0-9a-f]{2}/1\\.2\\.3/1\\.2\\.3\\.4/1\\.2\\.3\\.4\\.5\\.0123456789abcdef\\.dcm"),
                path);
        assertThrows(IllegalArgumentException.class, () -> StoragePaths.of("../..", "1", "1", sha));
        assertThrows(IllegalArgumentException.class, () -> StoragePaths.of("1.02", "1", "1", sha));
        assertThrows(IllegalArgumentException.class, () -> StoragePaths.of("1", "1", "1", "nothex"));
    }

    @Test
    void duplicatePolicyParsing() {
        assertEquals(DuplicatePolicy.REPLACE, DuplicatePolicy.parse(" Replace "));
        assertThrows(IllegalStateException.class, () -> DuplicatePolicy.parse("overwrite"));
    }
}
