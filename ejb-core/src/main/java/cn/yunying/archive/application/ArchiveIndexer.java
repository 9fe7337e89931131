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
import cn.yunying.archive.infrastructure.JpaArchiveRepository.SeriesInStudy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The index half of an ingest, called by {@link ArchiveIngest} (through {@link IndexGroupCommit}) once the file is in
 * its place: one short transaction per batch of new objects, which commits only after the files' fsyncs, or per object
 * on the slower paths (duplicates, retries), after them. Not meant for other callers: it trusts that the file exists.
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

    @Resource
    SessionContext context;

    @Inject
    Event<PatientDataAccessed> accessed;

    @Inject
    Event<cn.yunying.archive.application.events.StudyChanged> studyChanged;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ExistingCopy> existing(String sopInstanceUid) {
        return existingInCurrentTransaction(sopInstanceUid);
    }

    /**
     * Indexes a stored object: finds or creates patient, study and series, records conflicting demographics (the first
     * stay), adds or (when {@code replace}) replaces the instance. Returns the path of a replaced file, else null.
     *
     * @throws IndexConflict if the study or series already belongs to another institution or study
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String index(IngestSource source, InstanceHeader h, StoredObject file, String metadataJson, boolean replace) {
        return indexInCurrentTransaction(source, h, file, metadataJson, replace);
    }

    /** One new object for {@link #indexNew} (internal to ingest: carries domain values, so not a public record). */
    public static final class NewInstance {
        private final IngestSource source;
        private final InstanceHeader header;
        private final StoredObject file;
        private final String metadataJson;

        public NewInstance(IngestSource source, InstanceHeader header, StoredObject file, String metadataJson) {
            this.source = source;
            this.header = header;
            this.file = file;
            this.metadataJson = metadataJson;
        }

        IngestSource source() {
            return source;
        }

        InstanceHeader header() {
            return header;
        }

        StoredObject file() {
            return file;
        }

        String metadataJson() {
            return metadataJson;
        }
    }

    /**
     * Indexes several new objects in one transaction (one commit, i.e. one WAL flush, for all of them): the group
     * commit of {@link IndexGroupCommit}. No lookup first: a SOP instance UID that is already indexed violates the
     * unique constraint, the whole group rolls back and false is returned; the caller then indexes one by one with
     * {@link #indexNewOrFindExisting}, which finds it. The rows are written while {@code forced} completes (the
     * files' fsyncs, on another thread); the transaction commits only after it, and rolls back if it failed.
     *
     * @return false when the group was rolled back because one of its objects is already indexed or conflicts (an
     *     expected outcome, e.g. a modality sending a study again: no exception, so nothing is logged as an error)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean indexNew(List<NewInstance> group, Future<?> forced) {
        try {
            for (NewInstance item : group) {
                indexInCurrentTransaction(item.source(), item.header(), item.file(), item.metadataJson(), false);
            }
        } catch (IndexConflict | PersistenceException e) {
            if (e instanceof PersistenceException p && !JpaArchiveRepository.isConstraintViolation(p)) {
                throw e;
            }
            if (context != null) { // outside the container the caller rolls back
                context.setRollbackOnly();
            }
            return false;
        }
        RuntimeException notForced = failureOf(forced);
        if (notForced != null) {
            throw notForced;
        }
        return true;
    }

    /** Waits for the files' fsyncs: null once they are done, else why they failed. */
    static RuntimeException failureOf(Future<?> forced) {
        try {
            forced.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof IOException io ? new UncheckedIOException("files not forced", io)
                    : new IllegalStateException("files not forced", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while files were forced", e);
        }
    }

    /** One new object, looked up first: its stored copy if the SOP instance UID is already indexed, else null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExistingCopy indexNewOrFindExisting(NewInstance item) {
        Optional<ExistingCopy> copy = existingInCurrentTransaction(item.header().sopInstanceUid());
        if (copy.isPresent()) {
            return copy.get();
        }
        indexInCurrentTransaction(item.source(), item.header(), item.file(), item.metadataJson(), false);
        return null;
    }

    private Optional<ExistingCopy> existingInCurrentTransaction(String sopInstanceUid) {
        return repository.instance(sopInstanceUid).map(i -> {
            ArchiveSeries series = repository.series(i.getSeriesPk()).orElseThrow();
            ArchiveStudy study = repository.study(series.getStudyPk()).orElseThrow();
            return new ExistingCopy(study.getInstitutionId(), i.getSha256(), i.getFilePath());
        });
    }

    private String indexInCurrentTransaction(IngestSource source, InstanceHeader h, StoredObject file,
                                             String metadataJson, boolean replace) {
        Instant now = Instant.now();
        Long institution = source.institutionId();
        ArchiveStudy study;
        ArchiveSeries series;
        boolean newSeries;
        Optional<SeriesInStudy> known = repository.seriesInStudyForUpdate(h.seriesUid());
        if (known.isPresent()) { // every object of a series after its first: one query finds and locks all three
            study = known.get().study();
            series = known.get().series();
            newSeries = false;
            if (!study.getStudyUid().equals(h.studyUid())) {
                throw new IndexConflict("series " + h.seriesUid() + " belongs to another study");
            }
            requireOwner(study, institution);
            ArchivePatient studyPatient = known.get().patient();
            if (isSamePatient(studyPatient, institution, h)) {
                noteDifferences(source, h, studyPatient, now);
            } else {
                patient(source, h, now); // the study's patient stays; this one is known (or created) as before
            }
        } else {
            ArchivePatient patient = patient(source, h, now);
            Optional<ArchiveStudy> found = repository.studyForUpdate(h.studyUid());
            if (found.isPresent()) {
                requireOwner(found.get(), institution);
            }
            ArchiveStudy locked = found.orElseGet(() -> repository.save(new ArchiveStudy(patient.getId(), institution,
                    h.studyUid(), h.studyDate(), h.studyTime(), h.accessionNumber(), h.referringPhysician(),
                    h.studyDescription(), h.studyId(), now)));
            // looked up again under the study's lock: another ingest of the same study may have just created it
            Optional<ArchiveSeries> existingSeries = repository.series(h.seriesUid());
            if (existingSeries.isPresent() && !existingSeries.get().getStudyPk().equals(locked.getId())) {
                throw new IndexConflict("series " + h.seriesUid() + " belongs to another study");
            }
            study = locked;
            newSeries = existingSeries.isEmpty();
            series = existingSeries.orElseGet(() -> repository.save(new ArchiveSeries(locked.getId(),
                    h.seriesUid(), h.modality(), h.seriesNumber(), h.bodyPart(), h.seriesDescription(), now)));
        }
        String replaced = null;
        Optional<ArchiveInstance> previous = replace ? repository.instance(h.sopInstanceUid()) : Optional.empty();
        if (previous.isPresent()) {
            if (!previous.get().getSeriesPk().equals(series.getId())) {
                throw new IndexConflict("a replacing copy must stay in series " + h.seriesUid());
            }
            replaced = previous.get().replaceWith(file, h.sopClassUid(), h.instanceNumber(), source.label(), now,
                    metadataJson);
        } else {
            // no flush of its own: the insert goes in one JDBC batch with the counters' updates below
            repository.persist(new ArchiveInstance(series.getId(), h.sopInstanceUid(), h.sopClassUid(),
                    h.instanceNumber(), file, source.label(), now, metadataJson));
            series.added();
            study.added(h.modality(), newSeries, now);
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

    private static void requireOwner(ArchiveStudy study, Long institution) {
        if (!study.getInstitutionId().equals(institution)) {
            throw new IndexConflict("study " + study.getStudyUid() + " belongs to another institution");
        }
    }

    private static boolean isSamePatient(ArchivePatient patient, Long institution, InstanceHeader h) {
        return patient.getInstitutionId().equals(institution)
                && patient.getPatientId().equals(h.patientId() == null ? "" : h.patientId())
                && patient.getIssuer().equals(h.issuer() == null ? "" : h.issuer());
    }

    private ArchivePatient patient(IngestSource source, InstanceHeader h, Instant now) {
        Optional<ArchivePatient> known = repository.patient(source.institutionId(), h.patientId(), h.issuer());
        if (known.isEmpty()) {
            return repository.save(new ArchivePatient(source.institutionId(), h.patientId(), h.issuer(),
                    h.patientName(), h.birthDate(), h.sex(), now));
        }
        noteDifferences(source, h, known.get(), now);
        return known.get();
    }

    /** Conflicting demographics are kept visible in the conflict log; the first ones stay. */
    private void noteDifferences(IngestSource source, InstanceHeader h, ArchivePatient patient, Instant now) {
        String differences = patient.differencesFrom(h.patientName(), h.birthDate(), h.sex());
        if (differences != null) {
            repository.save(new ArchiveConflict(source.institutionId(), Kind.PATIENT_DEMOGRAPHICS, patient.getPatientId(),
                    patient.getIssuer(), h.studyUid(), h.sopInstanceUid(), patient.demographics(), differences,
                    "KEPT_FIRST", source.label(), now));
        }
    }
}
