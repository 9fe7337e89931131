package cn.yunying.archive.domain;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The attributes of a received data set that the index keeps in typed columns, read once from the parsed header.
 * Values that do not parse (a malformed date, a non-numeric series number) are indexed as absent, never refused: the
 * object is stored as sent and its metadata keeps the original text.
 */
public record InstanceHeader(String patientId, String issuer, String patientName, LocalDate birthDate, String sex,
                             String studyUid, LocalDate studyDate, LocalTime studyTime, String accessionNumber,
                             String referringPhysician, String studyDescription, String studyId, String seriesUid,
                             String modality, Integer seriesNumber, String bodyPart, String seriesDescription,
                             String sopClassUid, String sopInstanceUid, Integer instanceNumber) {

    public static InstanceHeader of(Attributes ds) {
        return new InstanceHeader(text(ds, Tag.PATIENT_ID, 64), text(ds, 0x00100021, 64), text(ds, Tag.PATIENT_NAME, 324),
                date(ds, Tag.PATIENT_BIRTH_DATE), text(ds, Tag.PATIENT_SEX, 16), text(ds, Tag.STUDY_INSTANCE_UID, 64),
                date(ds, Tag.STUDY_DATE), time(ds, Tag.STUDY_TIME), text(ds, Tag.ACCESSION_NUMBER, 64),
                text(ds, 0x00080090, 324), text(ds, 0x00081030, 200), text(ds, 0x00200010, 64),
                text(ds, Tag.SERIES_INSTANCE_UID, 64), text(ds, Tag.MODALITY, 16), number(ds, 0x00200011),
                text(ds, 0x00180015, 64), text(ds, 0x0008103E, 200), text(ds, Tag.SOP_CLASS_UID, 64),
                text(ds, Tag.SOP_INSTANCE_UID, 64), number(ds, Tag.INSTANCE_NUMBER));
    }

    /** The UIDs that name the object and its place in storage are all valid. */
    public boolean hasValidUids() {
        return StoragePaths.isValidUid(studyUid) && StoragePaths.isValidUid(seriesUid)
                && StoragePaths.isValidUid(sopInstanceUid) && StoragePaths.isValidUid(sopClassUid);
    }

    private static String text(Attributes ds, int tag, int max) {
        String value;
        try {
            value = ds.getText(tag);
        } catch (RuntimeException e) {
            return null;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static LocalDate date(Attributes ds, int tag) {
        String value = text(ds, tag, 32);
        try {
            return value == null ? null : Matching.date(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalTime time(Attributes ds, int tag) {
        String value = text(ds, tag, 32);
        try {
            return value == null ? null : Matching.time(value, false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer number(Attributes ds, int tag) {
        String value = text(ds, tag, 16);
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
