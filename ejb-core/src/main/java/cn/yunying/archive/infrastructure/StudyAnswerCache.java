package cn.yunying.archive.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.infinispan.Cache;

/**
 * Answers derived from one study's content (WADO-RS metadata, QIDO-RS results within the study), kept per study in
 * the application's Infinispan cache {@code yunying/study-answers} (bounded, with expiry: configure.cli) and dropped
 * as a whole when the study changes.
 *
 * <p>It holds content only: whoever calls it must have checked that the caller may see the study, because the cache
 * itself serves any caller. Answers are keyed by what was asked, never by who asked.
 *
 * <p>A reader that computed an answer from data read before a concurrent change must not store it after the
 * invalidation: each study's entry is a {@link Generation}, the reader adds its answer only to the generation it
 * started from, and {@link #invalidate} removes the generation, so a late answer finds nothing to join and is dropped.
 */
@ApplicationScoped
public class StudyAnswerCache {

    /** A cached answer: the JSON text and how many results (instances or matches) it holds, for the audit record. */
    public record Answer(String json, int count) {
    }

    /** The answers of one study computed since its last change. Immutable; identity marks the generation. */
    static final class Generation {
        final Map<String, Answer> answers;

        Generation(Map<String, Answer> answers) {
            this.answers = answers;
        }

        Generation with(String key, Answer answer) {
            Map<String, Answer> copy = new HashMap<>(answers);
            copy.put(key, answer);
            return new Generation(Map.copyOf(copy));
        }
    }

    /** Larger answers (a study of thousands of instances) are recomputed rather than held on the heap. */
    static final int MAX_CACHED_CHARS = 4 * 1024 * 1024;

    @Resource(lookup = "java:jboss/infinispan/cache/yunying/study-answers")
    Cache<String, Generation> cache;

    public StudyAnswerCache() {
    }

    /** For tests outside the container. */
    public StudyAnswerCache(Cache<String, Generation> cache) {
        this.cache = cache;
    }

    /** The cached answer to {@code question} about the study, or the computed one (cached unless the study changed). */
    public Answer answer(String studyUid, String question, Supplier<Answer> compute) {
        Generation current = cache.get(studyUid);
        if (current == null) {
            Generation fresh = new Generation(Map.of());
            Generation raced = cache.putIfAbsent(studyUid, fresh);
            current = raced == null ? fresh : raced;
        }
        Answer cached = current.answers.get(question);
        if (cached != null) {
            return cached;
        }
        Answer computed = compute.get();
        if (computed.json().length() > MAX_CACHED_CHARS) {
            return computed;
        }
        Generation startedFrom = current;
        cache.computeIfPresent(studyUid, (uid, now) -> now == startedFrom ? now.with(question, computed) : now);
        return computed;
    }

    /** Drops every answer about the study; called once a change to it has committed. */
    public void invalidate(String studyUid) {
        cache.remove(studyUid);
    }
}
