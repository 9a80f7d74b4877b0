package dk.amu.catalogue.audit.system;

import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.replay.LogReplay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Replays running now, each holding a consumer; those started, refused and abandoned; answers given without one. */
@Component
class ReplayMetrics implements MeterBinder {

    private final LogReplay replay;

    private final AuditQueries queries;

    ReplayMetrics(LogReplay replay, AuditQueries queries) {
        this.replay = replay;
        this.queries = queries;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("audit.replays.active", replay, LogReplay::activeReplays)
                .description("replays of the log running now, one consumer each")
                .register(registry);
        FunctionCounter.builder("audit.replays.abandoned", replay, LogReplay::abandonedReplays)
                .description("replays stopped because the client went away")
                .register(registry);
        FunctionCounter.builder("audit.replays.started", queries, q -> q.counts().replaysStarted())
                .description("replays of the log started for a question")
                .register(registry);
        FunctionCounter.builder("audit.replays.refused", queries, q -> q.counts().replaysRefused())
                .description("questions refused with 429 because as many replays as allowed were running")
                .register(registry);
        FunctionCounter.builder("audit.answers.cached", queries, q -> q.counts().answersCached())
                .description("questions answered from the cache: asked before about the same end of the log")
                .register(registry);
        FunctionCounter.builder("audit.answers.shared", queries, q -> q.counts().answersShared())
                .description("questions answered by the same question's replay, running when they came")
                .register(registry);
    }
}
