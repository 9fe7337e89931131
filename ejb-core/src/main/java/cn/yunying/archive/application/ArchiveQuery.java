package cn.yunying.archive.application;

import cn.yunying.archive.application.events.PatientDataAccessed;
import cn.yunying.archive.domain.AccessScope;
import cn.yunying.archive.domain.ArchiveInstance;
import cn.yunying.archive.domain.ArchivePatient;
import cn.yunying.archive.domain.ArchiveSeries;
import cn.yunying.archive.domain.ArchiveStudy;
import cn.yunying.archive.domain.IndexedKey;
import cn.yunying.archive.domain.Matching;
import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.archive.domain.StoragePaths;
import cn.yunying.archive.infrastructure.IndexQueryBuilder;
import cn.yunying.archive.infrastructure.IndexQueryBuilder.KeyMatch;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.archive.infrastructure.StudyAnswerCache;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The query engine shared by C-FIND and QIDO-RS: matching keys as {@link Attributes}, PS3.4 C.2.2 matching (single
 * value, wildcards, date/time ranges, UID lists, universal), results as {@link Attributes}, scoped by institution
 * ({@link ArchiveCallers}). Every query is written to the audit trail.
 */
@Stateless
@PermitAll
public class ArchiveQuery {

    private static final int QUERY_RETRIEVE_LEVEL = 0x00080052;

    @Inject
    JpaArchiveRepository repository;

    @EJB
    ArchiveCallers callers;

    @Inject
    Event<PatientDataAccessed> accessed;

    @Inject
    StudyAnswerCache cache;

    /** For the authenticated user (portal, QIDO-RS). */
    public List<Attributes> find(QueryLevel level, Attributes keys, QueryOptions options) {
        return run(level, keys, options, callers.visibleScope(), callers.currentUsername(), "USER", null);
    }

    /** For a DICOM AE (C-FIND): it sees the studies of the institution it is registered to. */
    public List<Attributes> findForAe(String callingAet, String remoteAddress, QueryLevel level, Attributes keys,
                                      QueryOptions options) {
        return run(level, keys, options, callers.scopeOfAe(callingAet), callingAet, "DICOM_AE", remoteAddress);
    }

    /**
     * QIDO-RS within one study (.../studies/{study}/series, .../instances) for the authenticated user, as DICOM JSON,
     * served from the study answer cache when possible ({@code question} names the request: level and parameters).
     * Scoping comes first and for every request: for a study the caller may not see, the ordinary scoped query runs
     * (and finds nothing). Audited like {@link #find}, cached or not.
     */
    public String findInStudyAsJson(QueryLevel level, String studyUid, Attributes keys, QueryOptions options,
                                     String question) {
        AccessScope scope = callers.visibleScope();
        String actor = callers.currentUsername();
        boolean visible;
        try {
            visible = StoragePaths.isValidUid(studyUid)
                    && ArchiveRetrieve.visiblePatientId(repository, studyUid, scope).isPresent();
        } catch (DomainException vipRestricted) {
            visible = false; // a search leaves VIP studies out rather than refusing
        }
        if (!visible) {
            return MetadataJson.toJson(run(level, keys, options, scope, actor, "USER", null));
        }
        List<KeyMatch> matches = matches(keys, options.fuzzy());
        StudyAnswerCache.Answer answer = cache.answer(studyUid, "qido/" + question, () -> {
            List<Attributes> results = results(level, matches, options, scope);
            return new StudyAnswerCache.Answer(MetadataJson.toJson(results), results.size());
        });
        audit(level, keys, matches, answer.count(), actor, "USER", null);
        return answer.json();
    }

    List<Attributes> run(QueryLevel level, Attributes keys, QueryOptions options, AccessScope scope, String actor,
                         String actorType, String address) {
        List<KeyMatch> matches = matches(keys, options.fuzzy());
        List<Attributes> results = results(level, matches, options, scope);
        audit(level, keys, matches, results.size(), actor, actorType, address);
        return results;
    }

    private List<Attributes> results(QueryLevel level, List<KeyMatch> matches, QueryOptions options,
                                     AccessScope scope) {
        List<Object> rows = repository.find(IndexQueryBuilder.build(level, matches, scope), options.offset(),
                options.limit());
        List<Attributes> results = new ArrayList<>(rows.size());
        for (Object row : rows) {
            results.add(select(toAttributes(level, row, options), options, level));
        }
        return results;
    }

    private void audit(QueryLevel level, Attributes keys, List<KeyMatch> matches, int count, String actor,
                       String actorType, String address) {
        accessed.fire(new PatientDataAccessed(Instant.now(), actor, actorType, "ARCHIVE_QUERY", "QUERY",
                level + " " + describe(matches), keys.getString(Tag.PATIENT_ID), address, count + " match(es)"));
    }

    /** Turns the keys of an identifier into criteria; an invalid value is the caller's error (400, A900). */
    static List<KeyMatch> matches(Attributes keys, boolean fuzzy) {
        List<KeyMatch> matches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            IndexedKey key = IndexedKey.of(tag).orElse(null);
            if (key == null) {
                continue;
            }
            String value = key.kind() == Matching.Kind.UID || key.kind() == Matching.Kind.NUMBER
                    || tag == IndexedKey.MODALITIES_IN_STUDY.tag()
                    ? String.join("\\", keys.getStrings(tag)) : keys.getText(tag);
            try {
                matches.add(new KeyMatch(key, parse(key, value, fuzzy), fuzzy));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ArchiveError.INVALID_QUERY, key + ": " + e.getMessage());
            }
        }
        return matches;
    }

    private static Matching.Criterion parse(IndexedKey key, String value, boolean fuzzy) {
        if (key == IndexedKey.MODALITIES_IN_STUDY && value != null && value.contains("\\")) {
            List<Object> modalities = new ArrayList<>();
            for (String modality : value.split("\\\\")) {
                if (!modality.isBlank()) {
                    modalities.add(modality.strip());
                }
            }
            return new Matching.ListOf(modalities);
        }
        return Matching.parse(value, key.kind(), fuzzy);
    }

    private static Attributes toAttributes(QueryLevel level, Object row, QueryOptions options) {
        Attributes out = new Attributes();
        out.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, MetadataJson.UTF_8);
        Object[] entities = row instanceof Object[] array ? array : new Object[] {row};
        for (Object entity : entities) {
            if (entity instanceof ArchiveInstance instance && (options.allMetadata() || !options.extraKeys().isEmpty())) {
                Attributes stored = MetadataJson.read(instance.getMetadataJson());
                if (options.allMetadata()) {
                    out.addAll(stored);
                } else {
                    for (int tag : options.extraKeys()) {
                        int i = stored.indexOf(tag);
                        if (i >= 0) {
                            out.setValue(tag, stored.vrAt(i), stored.valueAt(i));
                        }
                    }
                }
            }
        }
        for (Object entity : entities) {
            if (entity instanceof ArchivePatient p) {
                p.addTo(out);
            } else if (entity instanceof ArchiveStudy s) {
                s.addTo(out);
            } else if (entity instanceof ArchiveSeries se) {
                se.addTo(out);
            } else if (entity instanceof ArchiveInstance i) {
                i.addTo(out);
            }
        }
        out.setString(QUERY_RETRIEVE_LEVEL, VR.CS, level.name());
        return out;
    }

    /** C-FIND returns only the keys asked for (plus the level's unique key and the character set). */
    private static Attributes select(Attributes all, QueryOptions options, QueryLevel level) {
        if (options.onlyKeys() == null) {
            return all;
        }
        Attributes out = new Attributes();
        for (int i = 0; i < all.size(); i++) {
            int tag = all.tagAt(i);
            if (options.onlyKeys().contains(tag) || tag == Tag.SPECIFIC_CHARACTER_SET || tag == QUERY_RETRIEVE_LEVEL
                    || tag == uniqueKey(level)) {
                out.setValue(tag, all.vrAt(i), all.valueAt(i));
            }
        }
        return out;
    }

    private static int uniqueKey(QueryLevel level) {
        return switch (level) {
            case PATIENT -> Tag.PATIENT_ID;
            case STUDY -> Tag.STUDY_INSTANCE_UID;
            case SERIES -> Tag.SERIES_INSTANCE_UID;
            case IMAGE -> Tag.SOP_INSTANCE_UID;
        };
    }

    private static String describe(List<KeyMatch> matches) {
        StringBuilder text = new StringBuilder();
        for (KeyMatch match : matches) {
            if (!(match.criterion() instanceof Matching.Universal)) {
                text.append(text.length() == 0 ? "" : ", ").append(match.key()).append('=').append(match.criterion());
            }
        }
        return text.toString();
    }
}
