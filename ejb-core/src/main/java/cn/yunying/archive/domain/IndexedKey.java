package cn.yunying.archive.domain;

import cn.yunying.archive.domain.Matching.Kind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes the index can match on, each with its level, how it matches and the entity attribute it lives in.
 * Any other key is a return key only (it matches universally).
 */
public enum IndexedKey {
    PATIENT_NAME(0x00100010, QueryLevel.PATIENT, Kind.PERSON_NAME, "p.patientName", "p.patientNameNorm"),
    PATIENT_ID(0x00100020, QueryLevel.PATIENT, Kind.TEXT, "p.patientId", null),
    ISSUER_OF_PATIENT_ID(0x00100021, QueryLevel.PATIENT, Kind.TEXT, "p.issuer", null),
    PATIENT_BIRTH_DATE(0x00100030, QueryLevel.PATIENT, Kind.DATE, "p.birthDate", null),
    PATIENT_SEX(0x00100040, QueryLevel.PATIENT, Kind.TEXT, "p.sex", null),
    STUDY_INSTANCE_UID(0x0020000D, QueryLevel.STUDY, Kind.UID, "s.studyUid", null),
    STUDY_DATE(0x00080020, QueryLevel.STUDY, Kind.DATE, "s.studyDate", null),
    STUDY_TIME(0x00080030, QueryLevel.STUDY, Kind.TIME, "s.studyTime", null),
    ACCESSION_NUMBER(0x00080050, QueryLevel.STUDY, Kind.TEXT, "s.accessionNumber", null),
    /** Matches studies having at least one series of one of the given modalities. */
    MODALITIES_IN_STUDY(0x00080061, QueryLevel.STUDY, Kind.TEXT, null, null),
    REFERRING_PHYSICIAN_NAME(0x00080090, QueryLevel.STUDY, Kind.PERSON_NAME, "s.referringPhysician",
            "s.referringPhysicianNorm"),
    STUDY_DESCRIPTION(0x00081030, QueryLevel.STUDY, Kind.TEXT, "s.studyDescription", null),
    STUDY_ID(0x00200010, QueryLevel.STUDY, Kind.TEXT, "s.studyId", null),
    SERIES_INSTANCE_UID(0x0020000E, QueryLevel.SERIES, Kind.UID, "se.seriesUid", null),
    MODALITY(0x00080060, QueryLevel.SERIES, Kind.TEXT, "se.modality", null),
    SERIES_NUMBER(0x00200011, QueryLevel.SERIES, Kind.NUMBER, "se.seriesNumber", null),
    BODY_PART_EXAMINED(0x00180015, QueryLevel.SERIES, Kind.TEXT, "se.bodyPart", null),
    SERIES_DESCRIPTION(0x0008103E, QueryLevel.SERIES, Kind.TEXT, "se.seriesDescription", null),
    SOP_INSTANCE_UID(0x00080018, QueryLevel.IMAGE, Kind.UID, "i.sopInstanceUid", null),
    SOP_CLASS_UID(0x00080016, QueryLevel.IMAGE, Kind.UID, "i.sopClassUid", null),
    INSTANCE_NUMBER(0x00200013, QueryLevel.IMAGE, Kind.NUMBER, "i.instanceNumber", null);

    private final int tag;
    private final QueryLevel level;
    private final Kind kind;
    private final String path;
    private final String caseInsensitivePath;

    IndexedKey(int tag, QueryLevel level, Kind kind, String path, String caseInsensitivePath) {
        this.tag = tag;
        this.level = level;
        this.kind = kind;
        this.path = path;
        this.caseInsensitivePath = caseInsensitivePath;
    }

    public static Optional<IndexedKey> of(int tag) {
        return Arrays.stream(values()).filter(k -> k.tag == tag).findFirst();
    }

    public int tag() {
        return tag;
    }

    public QueryLevel level() {
        return level;
    }

    public Kind kind() {
        return kind;
    }

    /** The JPQL path (aliases p, s, se, i); the normalised column when matching ignores case. */
    public String path(boolean ignoreCase) {
        return ignoreCase && caseInsensitivePath != null ? caseInsensitivePath : path;
    }

    /** Whether an entity at {@code queryLevel} can be matched on this key (its own level or above). */
    public boolean usableAt(QueryLevel queryLevel) {
        return level.ordinal() <= queryLevel.ordinal();
    }
}
