package cn.yunying.audit.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export format: BOM, header, chain columns, RFC 4180 quoting, Chinese intact, formulas defused. */
class AuditCsvTest {

    @Test
    void rowsCarryTheChainAndQuoteWhatNeedsQuoting() {
        AuditRecord first = AuditRecord.chain(1, "0".repeat(64), new AuditEntry(Instant.parse("2026-11-23T08:00:00Z"),
                "张医生", AuditEntry.ActorType.USER, "LOGIN", AuditEntry.Outcome.SUCCESS, "USER", "张医生", null,
                "10.0.0.1", "a \"quoted\", detail"));
        AuditRecord second = AuditRecord.chain(2, first.getRecordHash(), new AuditEntry(
                Instant.parse("2026-11-23T08:01:00Z"), "=cmd|' /C calc'!A0", AuditEntry.ActorType.USER,
                "LOGIN_FAILED", AuditEntry.Outcome.FAILURE, "USER", "x", "P-1", null, "line1\nline2"));
        byte[] csv = AuditCsv.write(List.of(second, first));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "BOM for Excel");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(AuditCsv.HEADER, lines[0]);
        assertTrue(lines[1].startsWith("2,2026-11-23T08:01:00Z,'=cmd|' /C calc'!A0,USER,LOGIN_FAILED,FAILURE"),
                lines[1]);
        assertTrue(text.contains("\"line1\nline2\""), "a newline is quoted, not a row break");
        assertTrue(text.contains(first.getRecordHash() + "," + second.getRecordHash() + "\r\n"),
                "the second row: previous hash, then its own");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("1,2026-11-23T08:00:00Z,张医生,USER,LOGIN,SUCCESS,USER,张医生,,10.0.0.1,"
                + "\"a \"\"quoted\"\", detail\"," + "0".repeat(64) + "," + first.getRecordHash()), last);
    }

    @Test
    void emptyAndPlainCellsStayAsTheyAre() {
        assertEquals("", AuditCsv.cell(null));
        assertEquals("ARCHIVE_QUERY", AuditCsv.cell("ARCHIVE_QUERY"));
        assertEquals("'+86", AuditCsv.cell("+86"));
    }
}
