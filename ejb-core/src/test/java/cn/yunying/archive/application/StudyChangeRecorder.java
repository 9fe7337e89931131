package cn.yunying.archive.application;

import cn.yunying.archive.application.events.StudyChanged;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Collects the {@link StudyChanged} events an indexer fires (CDI is not running in unit tests). */
final class StudyChangeRecorder implements Event<StudyChanged> {

    final List<String> studies = new ArrayList<>();

    @Override
    public void fire(StudyChanged event) {
        studies.add(event.studyUid());
    }

    @Override
    public <U extends StudyChanged> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends StudyChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Event<StudyChanged> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends StudyChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends StudyChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
