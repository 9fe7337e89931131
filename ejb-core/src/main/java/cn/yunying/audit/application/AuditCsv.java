package cn.yunying.audit.application;

import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV form of audit records (RFC 4180, CRLF, UTF-8 with a byte order mark so that Excel shows Chinese). Each row
 * carries the chain index, the previous hash and the record hash, so an export can be checked against the chain.
 * A value that a spreadsheet would run as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe.
 */
public final class AuditCsv {

    static final String HEADER = "chain_index,occurred_at,actor,actor_type,action,outcome,subject_type,subject_id,"
            + "patient_id,source_address,detail,previous_hash,record_hash";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AuditCsv() {
    }

    public static byte[] write(List<AuditRecord> records) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditRecord record : records) {
            AuditEntry e = record.entry();
            row(csv, String.valueOf(record.getChainIndex()), String.valueOf(e.occurredAt()), e.actor(),
                    e.actorType().name(), e.action(), e.outcome().name(), e.subjectType(), e.subjectId(),
                    e.patientId(), e.sourceAddress(), e.detail(), record.getPreviousHash(), record.getRecordHash());
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void row(StringBuilder csv, String... values) {
        for (int i = 0; i < values.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(values[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
