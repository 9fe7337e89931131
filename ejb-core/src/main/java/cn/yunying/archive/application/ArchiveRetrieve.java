package cn.yunying.archive.application;

import cn.yunying.archive.application.events.PatientDataAccessed;
import cn.yunying.archive.domain.AccessScope;
import cn.yunying.archive.domain.ArchiveInstance;
import cn.yunying.archive.domain.ArchivePatient;
import cn.yunying.archive.domain.ArchiveStudy;
import cn.yunying.archive.domain.IndexedKey;
import cn.yunying.archive.domain.Matching;
import cn.yunying.archive.infrastructure.ArchiveSettings;
import cn.yunying.archive.infrastructure.FileStorage;
import cn.yunying.archive.infrastructure.IndexQueryBuilder;
import cn.yunying.archive.infrastructure.IndexQueryBuilder.KeyMatch;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.archive.infrastructure.StudyAnswerCache;
import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retrieval: the files of a study, series or instance (WADO-RS now, C-MOVE/C-GET later), their metadata, and storage
 * commitment checks. Scoped like queries; every retrieval is written to the audit trail.
 */
@Stateless
@PermitAll
public class ArchiveRetrieve {

    @Inject
    JpaArchiveRepository repository;

    @EJB
    ArchiveCallers callers;

    @Inject
    ArchiveSettings settings;

    @Inject
    StudyAnswerCache cache;

    @Inject
    Event<PatientDataAccessed> accessed;

    /** For the authenticated user; {@code seriesUid} and {@code sopInstanceUid} may be null. 404 if nothing matches. */
    public List<RetrievableInstance> locate(String studyUid, String seriesUid, String sopInstanceUid) {
        List<Object[]> rows = rows(studyUid, seriesUid, sopInstanceUid, callers.visibleScope(), true);
        List<RetrievableInstance> found = toInstances(rows);
        audit(rows, callers.currentUsername(), "USER", null, "retrieve " + found.size() + " instance(s)");
        return found;
    }

    /** For a DICOM AE (C-MOVE/C-GET): the instances of its institution only. Empty if nothing matches. */
    public List<RetrievableInstance> locateForAe(String callingAet, String remoteAddress, String studyUid,
                                                 String seriesUid, String sopInstanceUid) {
        List<Object[]> rows = rows(studyUid, seriesUid, sopInstanceUid, callers.scopeOfAe(callingAet), true);
        List<RetrievableInstance> found = toInstances(rows);
        audit(rows, callingAet, "DICOM_AE", remoteAddress, "retrieve " + found.size() + " instance(s)");
        return found;
    }

    /** The stored metadata (DICOM JSON array, one object per instance) for the authenticated user. */
    public List<Attributes> metadata(String studyUid, String seriesUid, String sopInstanceUid) {
        List<Object[]> rows = rows(studyUid, seriesUid, sopInstanceUid, callers.visibleScope(), false);
        List<Attributes> out = new ArrayList<>(rows.size());
        Map<String, String> studies = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.add(MetadataJson.read(((ArchiveInstance) row[0]).getMetadataJson()));
            studies.putIfAbsent(((ArchiveStudy) row[2]).getStudyUid(), ((ArchivePatient) row[3]).getPatientId());
        }
        audit(studies, callers.currentUsername(), "USER", null, "metadata of " + out.size() + " instance(s)");
        return out;
    }

    /**
     * The metadata of a study, series or instance as DICOM JSON, for the authenticated user, served from the study
     * answer cache when possible. Scoping is decided before the cache is consulted and for every request: a study the
     * caller may not see is "not found" whatever the cache holds. Every read is audited, cached or not.
     */
    public String metadataJson(String studyUid, String seriesUid, String sopInstanceUid) {
        AccessScope scope = callers.visibleScope();
        uid(IndexedKey.STUDY_INSTANCE_UID, studyUid);
        String patientId = visiblePatientId(repository, studyUid, scope)
                .orElseThrow(() -> new DomainException(ArchiveError.NOT_FOUND, "no instance of study " + studyUid
                        + " visible"));
        StudyAnswerCache.Answer answer = cache.answer(studyUid, "metadata/" + seriesUid + "/" + sopInstanceUid, () -> {
            List<Object[]> rows = rows(studyUid, seriesUid, sopInstanceUid, scope, false);
            List<Attributes> out = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                out.add(MetadataJson.read(((ArchiveInstance) row[0]).getMetadataJson()));
            }
            return new StudyAnswerCache.Answer(MetadataJson.toJson(out), out.size());
        });
        accessed.fire(new PatientDataAccessed(Instant.now(), callers.currentUsername(), "USER", "ARCHIVE_RETRIEVE",
                "STUDY", studyUid, patientId, null, "metadata of " + answer.count() + " instance(s)"));
        return answer.json();
    }

    /** The patient ID of the study if it exists and its owner is in {@code scope} (null: every institution). */
    static Optional<String> visiblePatientId(JpaArchiveRepository repository, String studyUid, AccessScope scope) {
        Optional<Object[]> owner = repository.studyOwner(studyUid)
                .filter(o -> scope.institutions() == null || scope.institutions().contains((Long) o[0]));
        if (owner.isPresent() && scope.vipRestricted() && !scope.vipInstitutions().contains((Long) owner.get()[0])
                && !repository.vipStudyUids(List.of(studyUid)).isEmpty()) {
            // as for uncached reads: the caller sees the institution's studies but not its VIP ones (403)
            throw new DomainException(ArchiveError.VIP_RESTRICTED, "study " + studyUid + " is VIP-restricted");
        }
        return owner.map(o -> (String) o[1]);
    }

    /**
     * Storage commitment (N-ACTION) for an AE: each instance is committed if it is held for the AE's institution and
     * its file still has the SHA-256 recorded at ingest.
     */
    public List<CommitmentResult> verify(String callingAet, List<String> sopInstanceUids) {
        AccessScope scope = callers.scopeOfAe(callingAet);
        FileStorage storage = settings.storage();
        List<CommitmentResult> results = new ArrayList<>();
        for (String uid : sopInstanceUids) {
            List<Object[]> rows = cn.yunying.archive.domain.StoragePaths.isValidUid(uid)
                    ? locationRows(List.of(match(IndexedKey.SOP_INSTANCE_UID, uid)), scope) : List.of();
            if (rows.isEmpty()) {
                results.add(new CommitmentResult(uid, null, false, "no such instance"));
                continue;
            }
            Object[] location = rows.get(0); // the columns of LOCATION
            String reason = null;
            try {
                if (!storage.checksums((String) location[5])[1].equals(location[8])) {
                    reason = "checksum mismatch";
                }
            } catch (IOException | RuntimeException e) {
                reason = "file unreadable";
            }
            results.add(new CommitmentResult(uid, (String) location[3], reason == null, reason));
        }
        return results;
    }

    /**
     * @param locationsOnly only the columns of {@link #LOCATION}, for retrieves: no entities built, and not the stored
     *                      metadata JSON of every instance (a third of a 200-instance WADO-RS request's server time)
     */
    private List<Object[]> rows(String studyUid, String seriesUid, String sopInstanceUid, AccessScope scope,
                                boolean locationsOnly) {
        List<KeyMatch> matches = new ArrayList<>();
        matches.add(uid(IndexedKey.STUDY_INSTANCE_UID, studyUid));
        if (seriesUid != null) {
            matches.add(uid(IndexedKey.SERIES_INSTANCE_UID, seriesUid));
        }
        if (sopInstanceUid != null) {
            matches.add(uid(IndexedKey.SOP_INSTANCE_UID, sopInstanceUid));
        }
        List<Object[]> rows = locationsOnly ? locationRows(matches, scope) : instanceRows(matches, scope);
        if (rows.isEmpty() && scope.vipRestricted() && !locationRows(matches, scope.ignoringVip()).isEmpty()) {
            // the caller sees this institution's studies but not its VIP ones: say so (403), not "not found"
            throw new DomainException(ArchiveError.VIP_RESTRICTED, "study " + studyUid + " is VIP-restricted");
        }
        if (rows.isEmpty()) {
            throw new DomainException(ArchiveError.NOT_FOUND, "no instance of study " + studyUid + " visible");
        }
        return rows;
    }

    /** Where an instance is and what it is: the columns {@link #toInstances} reads, in this order. */
    private static final String LOCATION = "s.studyUid, se.seriesUid, i.sopInstanceUid, i.sopClassUid, i.transferSyntax,"
            + " i.filePath, i.fileSize, i.md5, i.sha256, p.patientId";

    /** Rows of {@code [instance, series, study, patient]} entities. */
    private List<Object[]> instanceRows(List<KeyMatch> matches, AccessScope scope) {
        return rowsOf(IndexQueryBuilder.build(QueryLevel.IMAGE, matches, scope));
    }

    /** Rows of the {@link #LOCATION} columns. */
    private List<Object[]> locationRows(List<KeyMatch> matches, AccessScope scope) {
        return rowsOf(IndexQueryBuilder.build(QueryLevel.IMAGE, matches, scope).selecting(LOCATION));
    }

    private List<Object[]> rowsOf(IndexQueryBuilder.Built query) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : repository.find(query, 0, Integer.MAX_VALUE)) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    private static KeyMatch uid(IndexedKey key, String uid) {
        if (!cn.yunying.archive.domain.StoragePaths.isValidUid(uid)) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, key + " is not a UID");
        }
        return match(key, uid);
    }

    private static KeyMatch match(IndexedKey key, String uid) {
        return new KeyMatch(key, new Matching.Single(uid), false);
    }

    private List<RetrievableInstance> toInstances(List<Object[]> locationRows) {
        FileStorage storage = settings.storage();
        List<RetrievableInstance> out = new ArrayList<>(locationRows.size());
        for (Object[] r : locationRows) {
            out.add(new RetrievableInstance((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    storage.resolve((String) r[5]).toString(), ((Number) r[6]).longValue(), (String) r[7], (String) r[8]));
        }
        return out;
    }

    private void audit(List<Object[]> locationRows, String actor, String actorType, String address, String detail) {
        Map<String, String> studies = new LinkedHashMap<>();
        for (Object[] r : locationRows) {
            studies.putIfAbsent((String) r[0], (String) r[9]);
        }
        audit(studies, actor, actorType, address, detail);
    }

    /** One record per study: study UID to patient ID. */
    private void audit(Map<String, String> studies, String actor, String actorType, String address, String detail) {
        for (Map.Entry<String, String> study : studies.entrySet()) {
            accessed.fire(new PatientDataAccessed(Instant.now(), actor, actorType, "ARCHIVE_RETRIEVE", "STUDY",
                    study.getKey(), study.getValue(), address, detail));
        }
    }
}
