package cn.yunying.archive.application;

import cn.yunying.archive.application.ArchiveIndexer.ExistingCopy;
import cn.yunying.archive.application.ArchiveIndexer.NewInstance;
import cn.yunying.archive.application.IndexGroupCommit.Pending;
import cn.yunying.archive.application.IngestResult.Outcome;
import cn.yunying.archive.domain.DuplicatePolicy;
import cn.yunying.archive.domain.IndexConflict;
import cn.yunying.archive.domain.InstanceHeader;
import cn.yunying.archive.domain.StoragePaths;
import cn.yunying.archive.domain.StoredObject;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.archive.infrastructure.FileStorage.Received;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.DicomStreamException;
import cn.yunying.institution.application.InstitutionDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Ingest: the file first (no transaction open while bytes arrive), then the index in one short transaction. If the
 * index cannot be written the file is removed; if the file cannot be written nothing is indexed. Never throws for a bad
 * object: every outcome is an {@link IngestResult} carrying the DICOM status for C-STORE and an HTTP status for STOW.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveIngest {

    private static final System.Logger LOG = System.getLogger(ArchiveIngest.class.getName());
    /** Binary values longer than this are not kept in memory while parsing (they stay in the file). */
    static final long BULK_THRESHOLD = 1024;
    /** A lost race on a unique constraint (same new study from two associations) succeeds on the next attempt. */
    static final int INDEX_ATTEMPTS = 3;

    @EJB
    ArchiveIndexer indexer;

    @EJB
    InstitutionDirectory institutions;

    @Inject
    IndexGroupCommit groupCommit;

    @Inject
    InFlightFiles inFlight;

    @EJB
    ArchiveCallers callers;

    @Inject
    ArchiveSettings settings;

    /** STOW-RS and portal uploads: a Part 10 stream from the authenticated user, for their institution. */
    public IngestResult ingestAsCaller(InputStream part10, Long institutionId, String address) {
        return ingestAsCaller(part10, institutionId, address, null);
    }

    /** As above; an object of another study than {@code expectedStudyUid} (STOW-RS URL) is refused with 0xA900. */
    public IngestResult ingestAsCaller(InputStream part10, Long institutionId, String address, String expectedStudyUid) {
        return ingest(callers.storeSource(institutionId, address), part10, null, null, expectedStudyUid);
    }

    /** A Part 10 stream (preamble, meta information, data set). */
    public IngestResult ingestPart10(IngestSource source, InputStream part10) {
        return ingest(source, part10, null, null, null);
    }

    /**
     * A bare data set as C-STORE delivers it: the meta information is written from the command's UIDs, and the data
     * set must carry the same SOP class and instance UIDs (else 0xA900).
     */
    public IngestResult ingestDataSet(IngestSource source, String transferSyntaxUid, String sopClassUid,
                                      String sopInstanceUid, InputStream dataSet) {
        if (!StoragePaths.isValidUid(transferSyntaxUid) || !StoragePaths.isValidUid(sopClassUid)
                || !StoragePaths.isValidUid(sopInstanceUid)) {
            return IngestResult.failure(IngestResult.DATA_SET_DOES_NOT_MATCH, "invalid UID in the command",
                    sopClassUid, sopInstanceUid);
        }
        byte[] prefix = metaInformation(transferSyntaxUid, sopClassUid, sopInstanceUid);
        return ingest(source, new SequenceInputStream(new ByteArrayInputStream(prefix), dataSet), sopClassUid,
                sopInstanceUid, null);
    }

    private IngestResult ingest(IngestSource given, InputStream in, String commandClass, String commandInstance,
                                String expectedStudyUid) {
        Optional<IngestSource> resolved = resolve(given);
        if (resolved.isEmpty()) {
            return IngestResult.failure(IngestResult.NOT_AUTHORIZED, given.label() + " is not registered to an"
                    + " institution", commandClass, commandInstance);
        }
        IngestSource source = resolved.get();
        FileStorage storage = settings.storage();
        Received<DicomFile> received;
        try {
            received = storage.receive(in, (src, copy) -> DicomFiles.copyAndParse(src, copy, BULK_THRESHOLD, "file"));
        } catch (DicomStreamException e) {
            LOG.log(Level.WARNING, "cannot parse object from " + source.label() + ": " + e.getMessage());
            return IngestResult.failure(IngestResult.CANNOT_UNDERSTAND, "not a DICOM object", commandClass,
                    commandInstance);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "cannot write object from " + source.label() + " to " + storage.root(), e);
            return IngestResult.failure(IngestResult.OUT_OF_RESOURCES, "storage unavailable", commandClass,
                    commandInstance);
        }
        Attributes dataset = received.parsed().dataset();
        InstanceHeader header = InstanceHeader.of(dataset);
        if (!header.hasValidUids() || (commandInstance != null && (!commandInstance.equals(header.sopInstanceUid())
                || !commandClass.equals(header.sopClassUid())))
                || (expectedStudyUid != null && !expectedStudyUid.equals(header.studyUid()))) {
            storage.discard(received);
            return new IngestResult(IngestResult.DATA_SET_DOES_NOT_MATCH, Outcome.FAILED, header.sopClassUid(),
                    header.sopInstanceUid(), header.studyUid(), header.seriesUid(),
                    "missing or invalid UIDs, or UIDs differing from the request");
        }
        return place(source, header, dataset, received, storage);
    }

    private IngestResult place(IngestSource source, InstanceHeader h, Attributes dataset, Received<DicomFile> received,
                               FileStorage storage) {
        String path = StoragePaths.of(h.studyUid(), h.seriesUid(), h.sopInstanceUid(), received.sha256());
        InFlightFiles guard = inFlight();
        guard.begin(path); // the orphan-file cleanup leaves it alone until it is indexed or removed
        try {
            return placeAndIndex(source, h, dataset, received, storage, path);
        } finally {
            guard.end(path);
        }
    }

    private IngestResult placeAndIndex(IngestSource source, InstanceHeader h, Attributes dataset,
                                       Received<DicomFile> received, FileStorage storage, String path) {
        FileStorage.Placed placed;
        try {
            placed = storage.place(received, path);
        } catch (IOException | RuntimeException e) {
            storage.discard(received);
            LOG.log(Level.ERROR, "cannot store " + h.sopInstanceUid() + " at " + path, e);
            return result(IngestResult.OUT_OF_RESOURCES, Outcome.FAILED, h, "storage unavailable");
        }
        StoredObject file = new StoredObject(path, received.size(), received.md5(), received.sha256(),
                received.parsed().transferSyntax().uid());
        NewInstance instance = new NewInstance(source, h, file, MetadataJson.of(dataset));
        // No "is it known?" query first: the group's transaction looks it up where it would insert it.
        Pending pending = groupCommit().submit(new Pending(instance, placed), storage);
        return switch (pending.outcome()) {
            case INDEXED -> result(IngestResult.SUCCESS, Outcome.STORED, h, "stored");
            case ALREADY_INDEXED -> duplicate(instance, pending.existing(), placed.created(), storage);
            case FAILED -> indexFailed(instance, placed.created(), pending.failure(), storage);
            case STORAGE_FAILED -> notForced(instance, placed.created(), pending.failure(), storage);
        };
    }

    /** A SOP instance UID the index already holds: the duplicate policy decides, the new file may have to go. */
    private IngestResult duplicate(NewInstance instance, ExistingCopy existing, boolean created, FileStorage storage) {
        IngestSource source = instance.source();
        InstanceHeader h = instance.header();
        String path = instance.file().relativePath();
        DuplicatePolicy policy = settings.duplicatePolicy();
        Outcome outcome = decide(existing, instance.file().sha256(), source, policy);
        if (outcome != Outcome.DUPLICATE_REPLACED) {
            if (created && !path.equals(existing.relativePath())) {
                storage.delete(path);
            }
            if (outcome != Outcome.DUPLICATE_IDENTICAL) {
                indexer.recordDuplicate(source, h, existing, instance.file().sha256(), outcome.name());
            }
            LOG.log(outcome == Outcome.DUPLICATE_IDENTICAL ? Level.INFO : Level.WARNING, "duplicate "
                    + h.sopInstanceUid() + " from " + source.label() + ": " + outcome + " (policy " + policy + ")");
            int status = outcome == Outcome.DUPLICATE_REJECTED ? IngestResult.DUPLICATE_SOP_INSTANCE
                    : IngestResult.SUCCESS;
            return result(status, outcome, h, outcome.name().toLowerCase());
        }
        String replacedPath = null;
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
            try {
                replacedPath = indexer.index(source, h, instance.file(), instance.metadataJson(), true);
                failure = null;
                break;
            } catch (RuntimeException e) {
                failure = e;
                if (IndexConflict.in(e)) {
                    break;
                }
                LOG.log(Level.DEBUG, "replacing " + h.sopInstanceUid() + " failed, attempt " + attempt, e);
            }
        }
        if (failure != null) {
            return indexFailed(instance, created && !path.equals(existing.relativePath()), failure, storage);
        }
        if (replacedPath != null && !replacedPath.equals(path)) {
            storage.delete(replacedPath);
        }
        return result(IngestResult.SUCCESS, Outcome.DUPLICATE_REPLACED, h, "replaced");
    }

    /** The index could not be written: the file this ingest created goes (the orphan-file cleanup is the net). */
    private static IngestResult indexFailed(NewInstance instance, boolean created, RuntimeException failure,
                                            FileStorage storage) {
        return failed(instance, created, failure, storage, "cannot index", IngestResult.PROCESSING_FAILURE,
                "index not written");
    }

    /** The file could not be forced to disk: nothing was indexed, the file goes, the peer may retry elsewhere. */
    private static IngestResult notForced(NewInstance instance, boolean created, RuntimeException failure,
                                          FileStorage storage) {
        return failed(instance, created, failure, storage, "cannot force to disk", IngestResult.OUT_OF_RESOURCES,
                "storage unavailable");
    }

    private static IngestResult failed(NewInstance instance, boolean created, RuntimeException failure,
                                       FileStorage storage, String what, int status, String message) {
        if (created) {
            storage.delete(instance.file().relativePath());
        }
        LOG.log(Level.ERROR, what + " " + instance.header().sopInstanceUid() + " from " + instance.source().label()
                + (created ? "; its file was removed" : ""), failure);
        return result(status, Outcome.FAILED, instance.header(), message);
    }

    private InFlightFiles inFlight() {
        InFlightFiles shared = inFlight;
        if (shared == null) { // outside the container (tests)
            shared = new InFlightFiles();
            inFlight = shared;
        }
        return shared;
    }

    private IndexGroupCommit groupCommit() {
        IndexGroupCommit shared = groupCommit;
        return shared != null ? shared : new IndexGroupCommit(indexer); // outside the container (tests): no group
    }

    /** Identical copies are ignored; a differing one goes by the policy, never across institutions. */
    static Outcome decide(ExistingCopy existing, String receivedSha256, IngestSource source, DuplicatePolicy policy) {
        if (existing.sha256().equals(receivedSha256) && existing.institutionId().equals(source.institutionId())) {
            return Outcome.DUPLICATE_IDENTICAL;
        }
        if (!existing.institutionId().equals(source.institutionId())) {
            return Outcome.DUPLICATE_REJECTED;
        }
        return switch (policy) {
            case REJECT -> Outcome.DUPLICATE_REJECTED;
            case REPLACE -> Outcome.DUPLICATE_REPLACED;
            case KEEP -> Outcome.DUPLICATE_KEPT_EXISTING;
        };
    }

    private Optional<IngestSource> resolve(IngestSource source) {
        if (source.institutionId() != null) {
            return Optional.of(source);
        }
        return institutions.ownerOfAe(source.name()).map(source::withInstitution);
    }

    private static IngestResult result(int status, Outcome outcome, InstanceHeader h, String message) {
        return new IngestResult(status, outcome, h.sopClassUid(), h.sopInstanceUid(), h.studyUid(), h.seriesUid(),
                message);
    }

    private static byte[] metaInformation(String tsUid, String sopClassUid, String sopInstanceUid) {
        Attributes uids = new Attributes();
        uids.setString(Tag.SOP_CLASS_UID, VR.UI, sopClassUid);
        uids.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            bytes.write(new byte[128]);
            bytes.write(new byte[] {'D', 'I', 'C', 'M'});
            DicomOutputStream out = new DicomOutputStream(bytes);
            out.writeFileMetaInformation(DicomOutputStream.createFileMetaInformation(uids, tsUid));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode meta information", e);
        }
        return bytes.toByteArray();
    }
}
