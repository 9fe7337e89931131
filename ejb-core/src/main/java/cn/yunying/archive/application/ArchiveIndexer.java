package cn.yunying.archive.application;

import cn.yunying.archive.application.events.PatientDataAccessed;
import cn.yunying.archive.domain.ArchiveConflict;
import cn.yunying.archive.domain.ArchiveConflict.Kind;
import cn.yunying.archive.domain.ArchiveInstance;
import cn.yunying.archive.domain.ArchivePatient;
import cn.yunying.archive.domain.ArchiveSeries;
import cn.yunying.archive.domain.ArchiveStudy;
import cn.yunying.archive.domain.IndexConflict;
import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The index half of an ingest, one short transaction per object, called by {@link ArchiveIngest} once the file is safe
 * on disk. Not meant for other callers: it trusts that the file exists.
 */
@Stateless
@LocalBean
@PermitAll
public class ArchiveIndexer {

    /** The copy the index holds under a SOP instance UID. */
    public record ExistingCopy(Long institutionId, String sha256, String relativePath) {
    }

    @Inject
    JpaArchiveRepository repository;

    @Inject
    Event<PatientDataAccessed> accessed;

    @Inject
    Event<cn.yunying.archive.application.events.StudyChanged> studyChanged;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ExistingCopy> existing(String sopInstanceUid) {
        return repository.instance(sopInstanceUid).map(i -> {
            ArchiveSeries series = repository.series(i.getSeriesPk()).orElseThrow();
            ArchiveStudy study = repository.study(series.getStudyPk()).orElseThrow();
            return new ExistingCopy(study.getInstitutionId(), i.getSha256(), i.getFilePath());
        });
    }

    /**
     * Indexes a stored object: finds or creates patient, study and series, records conflicting demographics (the first
     * stay), adds or (when {@code replace}) replaces the instance. Returns the path of a replaced file, else null.
     *
     * @throws IndexConflict if the study or series already belongs to another institution or study
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String index(IngestSource source, InstanceHeader h, StoredObject file, String metadataJson, boolean replace) {
        Instant now = Instant.now();
        Long institution = source.institutionId();
        ArchivePatient patient = patient(source, h, now);
        Optional<ArchiveStudy> found = repository.studyForUpdate(h.studyUid());
        if (found.isPresent() && !found.get().getInstitutionId().equals(institution)) {
            throw new IndexConflict("study " + h.studyUid() + " belongs to another institution");
        }
        ArchiveStudy study = found.orElseGet(() -> repository.save(new ArchiveStudy(patient.getId(), institution,
                h.studyUid(), h.studyDate(), h.studyTime(), h.accessionNumber(), h.referringPhysician(),
                h.studyDescription(), h.studyId(), now)));
        Optional<ArchiveSeries> existingSeries = repository.series(h.seriesUid());
        if (existingSeries.isPresent() && !existingSeries.get().getStudyPk().equals(study.getId())) {
            throw new IndexConflict("series " + h.seriesUid() + " belongs to another study");
        }
        ArchiveSeries series = existingSeries.orElseGet(() -> repository.save(new ArchiveSeries(study.getId(),
                h.seriesUid(), h.modality(), h.seriesNumber(), h.bodyPart(), h.seriesDescription(), now)));
        String replaced = null;
        Optional<ArchiveInstance> previous = replace ? repository.instance(h.sopInstanceUid()) : Optional.empty();
        if (previous.isPresent()) {
            if (!previous.get().getSeriesPk().equals(series.getId())) {
                throw new IndexConflict("a replacing copy must stay in series " + h.seriesUid());
            }
            replaced = previous.get().replaceWith(file, h.sopClassUid(), h.instanceNumber(), source.label(), now,
                    metadataJson);
        } else {
            repository.save(new ArchiveInstance(series.getId(), h.sopInstanceUid(), h.sopClassUid(),
                    h.instanceNumber(), file, source.label(), now, metadataJson));
            series.added();
            study.added(h.modality(), existingSeries.isEmpty(), now);
        }
        repository.flush();
        accessed.fire(new PatientDataAccessed(now, source.name(), source.kind().name(), "ARCHIVE_STORE", "STUDY",
                h.studyUid(), h.patientId(), source.address(), (replaced != null ? "replaced " : "stored ")
                        + h.sopInstanceUid() + " (" + file.size() + " bytes, sha256 " + file.sha256() + ")"));
        studyChanged.fire(new cn.yunying.archive.application.events.StudyChanged(h.studyUid()));
        return replaced;
    }

    /** Keeps a duplicate instance visible in the conflict log, whatever the policy did with it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDuplicate(IngestSource source, InstanceHeader h, ExistingCopy kept, String receivedSha256,
                                String resolution) {
        repository.save(new ArchiveConflict(source.institutionId(), Kind.DUPLICATE_INSTANCE, h.patientId(), h.issuer(),
                h.studyUid(), h.sopInstanceUid(), "sha256=" + kept.sha256(), "sha256=" + receivedSha256, resolution,
                source.label(), Instant.now()));
    }

    private ArchivePatient patient(IngestSource source, InstanceHeader h, Instant now) {
        Optional<ArchivePatient> known = repository.patient(source.institutionId(), h.patientId(), h.issuer());
        if (known.isEmpty()) {
            return repository.save(new ArchivePatient(source.institutionId(), h.patientId(), h.issuer(),
                    h.patientName(), h.birthDate(), h.sex(), now));
        }
        ArchivePatient patient = known.get();
        String differences = patient.differencesFrom(h.patientName(), h.birthDate(), h.sex());
        if (differences != null) {
            repository.save(new ArchiveConflict(source.institutionId(), Kind.PATIENT_DEMOGRAPHICS, patient.getPatientId(),
                    patient.getIssuer(), h.studyUid(), h.sopInstanceUid(), patient.demographics(), differences,
                    "KEPT_FIRST", source.label(), now));
        }
        return patient;
    }
}
