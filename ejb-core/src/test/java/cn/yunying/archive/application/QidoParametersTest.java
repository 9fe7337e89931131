package cn.yunying.archive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Tag;
import cn.yunying.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QidoParametersTest {

    @Test
    void keywordsTagsPagingAndIncludeFields() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("PatientName", List.of("张*"));
        p.put("0020000D", List.of("1.2.3,1.2.4"));
        p.put("limit", List.of("5"));
        p.put("offset", List.of("10"));
        p.put("fuzzymatching", List.of("true"));
        p.put("includefield", List.of("00204000,StudyDescription"));
        QidoParameters.Parsed parsed = QidoParameters.parse(p, QueryLevel.IMAGE);
        assertEquals("张*", parsed.keys().getString(Tag.PATIENT_NAME));
        assertEquals(List.of("1.2.3", "1.2.4"), List.of(parsed.keys().getStrings(Tag.STUDY_INSTANCE_UID)));
        assertEquals(5, parsed.options().limit());
        assertEquals(10, parsed.options().offset());
        assertTrue(parsed.options().fuzzy());
        assertEquals(Set.of(0x00204000, 0x00081030), parsed.options().extraKeys());
        assertTrue(QidoParameters.parse(Map.of("includefield", List.of("all")), QueryLevel.IMAGE).options().allMetadata());
    }

    @Test
    void unknownAttributesAndBadPagingAreRefused() {
        assertThrows(DomainException.class, () -> QidoParameters.parse(Map.of("1=1;DROP", List.of("x")),
                QueryLevel.STUDY));
        assertThrows(DomainException.class, () -> QidoParameters.parse(Map.of("FFFFFFFF", List.of("x")),
                QueryLevel.STUDY));
        assertThrows(DomainException.class, () -> QidoParameters.parse(Map.of("limit", List.of("-1")), QueryLevel.STUDY));
        assertThrows(DomainException.class, () -> QidoParameters.parse(Map.of("offset", List.of("x")), QueryLevel.STUDY));
    }

    @Test
    void theLimitIsCapped() {
        assertEquals(QueryOptions.MAX_LIMIT,
                QidoParameters.parse(Map.of("limit", List.of("100000")), QueryLevel.STUDY).options().limit());
    }
}
