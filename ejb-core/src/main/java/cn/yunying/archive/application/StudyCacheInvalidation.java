package cn.yunying.archive.application;

import cn.yunying.archive.application.events.StudyChanged;
import cn.yunying.archive.infrastructure.StudyAnswerCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Drops a study's cached answers once a change to it has committed. After success only: a rolled-back ingest changed
 * nothing, and dropping before the commit would let a reader cache the old content again in between.
 */
@ApplicationScoped
public class StudyCacheInvalidation {

    @Inject
    StudyAnswerCache cache;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StudyChanged change) {
        cache.invalidate(change.studyUid());
    }
}
