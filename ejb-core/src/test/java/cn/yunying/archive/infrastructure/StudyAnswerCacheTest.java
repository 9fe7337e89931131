package cn.yunying.archive.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.yunying.archive.infrastructure.StudyAnswerCache.Answer;
import java.util.concurrent.atomic.AtomicInteger;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-study answer cache on a real (embedded, local) Infinispan cache. */
class StudyAnswerCacheTest {

    private static DefaultCacheManager manager;
    private static StudyAnswerCache cache;

    @BeforeAll
    static void start() {
        manager = new DefaultCacheManager();
        manager.defineConfiguration("study-answers", new ConfigurationBuilder().memory().maxCount(100).build());
        Cache<String, StudyAnswerCache.Generation> store = manager.getCache("study-answers");
        cache = new StudyAnswerCache(store);
    }

    @AfterAll
    static void stop() throws Exception {
        manager.close();
    }

    @Test
    void anAnswerIsComputedOnceUntilTheStudyChanges() {
        AtomicInteger computed = new AtomicInteger();
        Answer first = cache.answer("1.2.3", "metadata", () -> new Answer("[" + computed.incrementAndGet() + "]", 1));
        Answer second = cache.answer("1.2.3", "metadata", () -> new Answer("[" + computed.incrementAndGet() + "]", 1));
        assertSame(first, second);
        assertEquals(1, computed.get());
        assertEquals("[2]", cache.answer("1.2.3", "qido", () -> new Answer("[" + computed.incrementAndGet() + "]", 1))
                .json(), "another question about the same study is its own answer");

        cache.invalidate("1.2.3");
        assertEquals("[3]", cache.answer("1.2.3", "metadata",
                () -> new Answer("[" + computed.incrementAndGet() + "]", 1)).json(), "recomputed after the change");
        assertEquals("[4]", cache.answer("1.2.3", "qido",
                () -> new Answer("[" + computed.incrementAndGet() + "]", 1)).json(), "every answer of the study went");
    }

    @Test
    void anAnswerComputedFromDataReadBeforeAChangeIsNotKept() {
        Answer stale = cache.answer("1.2.4", "metadata", () -> {
            cache.invalidate("1.2.4"); // the change commits while this reader is still reading the old rows
            return new Answer("[\"old\"]", 1);
        });
        assertEquals("[\"old\"]", stale.json(), "the reader still gets what it read");
        assertEquals("[\"new\"]", cache.answer("1.2.4", "metadata", () -> new Answer("[\"new\"]", 2)).json(),
                "but the next reader does not get the stale answer");
    }

    @Test
    void otherStudiesKeepTheirAnswers() {
        cache.answer("1.2.5", "metadata", () -> new Answer("[5]", 1));
        cache.invalidate("1.2.6");
        assertEquals("[5]", cache.answer("1.2.5", "metadata", () -> new Answer("[x]", 1)).json());
    }

    @Test
    void hugeAnswersAreNotKept() {
        String big = "x".repeat(StudyAnswerCache.MAX_CACHED_CHARS + 1);
        cache.answer("1.2.7", "metadata", () -> new Answer(big, 1));
        assertEquals("[7]", cache.answer("1.2.7", "metadata", () -> new Answer("[7]", 1)).json());
    }
}
