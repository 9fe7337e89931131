package cn.yunying.archive.interfaces.dicom;

import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.net.DimseException;
import cn.yunying.dicom.net.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Patient Root and Study Root query/retrieve information models (PS3.4 C.6) as the archive answers them: which
 * SOP classes, which level an identifier asks for, and which study/series/instance UIDs a retrieve names.
 */
final class QueryRetrieveModels {

    static final int QUERY_RETRIEVE_LEVEL = 0x00080052;

    private static final String PATIENT_ROOT = "1.2.840.10008.5.1.4.1.2.1.";
    private static final String STUDY_ROOT = "1.2.840.10008.5.1.4.1.2.2.";
    private static final Map<String, QueryLevel> LEVELS = Map.of("PATIENT", QueryLevel.PATIENT, "STUDY",
            QueryLevel.STUDY, "SERIES", QueryLevel.SERIES, "IMAGE", QueryLevel.IMAGE);

    private QueryRetrieveModels() {
    }

    /** FIND (.1), MOVE (.2) or GET (.3) of the patient or study root; anything else is not ours to answer. */
    static void requireModel(String sopClassUid, String operation) throws DimseException {
        boolean ours = sopClassUid.equals(PATIENT_ROOT + operation) || sopClassUid.equals(STUDY_ROOT + operation);
        if (!ours) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, sopClassUid + " is not supported");
        }
    }

    /** The level the identifier asks for; the study root has no patient level. */
    static QueryLevel level(String sopClassUid, Attributes identifier) throws DimseException {
        QueryLevel level = LEVELS.get(identifier.getString(QUERY_RETRIEVE_LEVEL, "").strip());
        if (level == null) {
            throw new DimseException(0xA900, "Query/Retrieve Level (0008,0052) missing or invalid");
        }
        if (level == QueryLevel.PATIENT && sopClassUid.startsWith(STUDY_ROOT)) {
            throw new DimseException(0xA900, "the study root has no PATIENT level");
        }
        return level;
    }

    /** A C-FIND response identifier carries the level and the character set of its values. */
    static Attributes asResponse(Attributes match, QueryLevel level) {
        if (!match.contains(QUERY_RETRIEVE_LEVEL)) {
            match.setString(QUERY_RETRIEVE_LEVEL, VR.CS, level.name());
        }
        if (!match.contains(Tag.SPECIFIC_CHARACTER_SET)) {
            match.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        }
        return match;
    }

    /**
     * The (study, series, instance) UID triples a retrieve identifier names at its level; a key with several values
     * (a UID list) names each of them. Lower-level UIDs are null when the level is higher.
     */
    static List<String[]> targets(QueryLevel level, Attributes identifier) throws DimseException {
        String[] studies = values(identifier, Tag.STUDY_INSTANCE_UID);
        String[] series = values(identifier, Tag.SERIES_INSTANCE_UID);
        String[] instances = values(identifier, Tag.SOP_INSTANCE_UID);
        List<String[]> targets = new ArrayList<>();
        if (level != QueryLevel.PATIENT && level != QueryLevel.STUDY) {
            require(studies, "Study Instance UID");
        }
        switch (level) {
            case STUDY -> {
                require(studies, "Study Instance UID");
                for (String study : studies) {
                    targets.add(new String[] {study, null, null});
                }
            }
            case SERIES -> {
                require(series, "Series Instance UID");
                for (String one : series) {
                    targets.add(new String[] {first(studies), one, null});
                }
            }
            case IMAGE -> {
                require(instances, "SOP Instance UID");
                for (String one : instances) {
                    targets.add(new String[] {first(studies), first(series), one});
                }
            }
            default -> throw new DimseException(0xA900, "retrieve by patient is not supported; name the studies");
        }
        return targets;
    }

    private static String[] values(Attributes identifier, int tag) {
        String[] values = identifier.getStrings(tag);
        return values == null ? new String[0] : values;
    }

    private static String first(String[] values) {
        return values.length == 0 || values[0].isBlank() ? null : values[0];
    }

    private static void require(String[] values, String name) throws DimseException {
        if (values.length == 0 || values[0].isBlank()) {
            throw new DimseException(0xA900, name + " is required at this level");
        }
    }
}
