package cn.yunying.archive.application;

import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Study search for the portal page, through the same query engine, scoping and audit as QIDO-RS. */
@Stateless
@PermitAll
public class StudyBrowser {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @EJB
    ArchiveQuery query;

    @Inject
    JpaArchiveRepository repository;

    /** At most {@code limit} (≤ 1000) studies from {@code offset}, oldest index entry first. */
    public List<StudySummary> search(StudySearch search, int offset, int limit) {
        Attributes keys = new Attributes();
        keys.setString(Tag.PATIENT_NAME, VR.PN, contains(search.patientName()));
        keys.setString(Tag.PATIENT_ID, VR.LO, trim(search.patientId()));
        keys.setString(Tag.ACCESSION_NUMBER, VR.SH, trim(search.accessionNumber()));
        if (search.from() != null || search.to() != null) {
            keys.setString(Tag.STUDY_DATE, VR.DA, (search.from() == null ? "" : DA.format(search.from())) + "-"
                    + (search.to() == null ? "" : DA.format(search.to())));
        }
        keys.setString(0x00080061, VR.CS, trim(search.modality()));
        List<Attributes> found = query.find(QueryLevel.STUDY, keys,
                new QueryOptions(offset, limit, true, null, Set.of(), false));
        Set<String> vip = Set.copyOf(repository.vipStudyUids(found.stream()
                .map(a -> a.getString(Tag.STUDY_INSTANCE_UID)).toList()));
        return found.stream().map(a -> summary(a, vip.contains(a.getString(Tag.STUDY_INSTANCE_UID)))).toList();
    }

    private static StudySummary summary(Attributes a, boolean vip) {
        return new StudySummary(a.getString(Tag.STUDY_INSTANCE_UID), a.getText(Tag.PATIENT_NAME),
                a.getString(Tag.PATIENT_ID), a.getString(Tag.PATIENT_BIRTH_DATE), a.getString(Tag.PATIENT_SEX),
                a.getString(Tag.STUDY_DATE), a.getString(Tag.ACCESSION_NUMBER), a.getText(0x00080061),
                a.getString(0x00081030), a.getInt(0x00201206, 0), a.getInt(0x00201208, 0), vip);
    }

    private static String contains(String name) {
        String value = trim(name);
        if (value.isEmpty() || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            return value;
        }
        return "*" + value + "*";
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
