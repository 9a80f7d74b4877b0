package dk.amu.catalogue.audit.system;

import dk.amu.catalogue.audit.replay.LogReplay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Replays running now, each holding a consumer, and those stopped because their client left. */
@Component
class ReplayMetrics implements MeterBinder {

    private final LogReplay replay;

    ReplayMetrics(LogReplay replay) {
        this.replay = replay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("audit.replays.active", replay, LogReplay::activeReplays)
                .description("replays of the log running now, one consumer each")
                .register(registry);
        FunctionCounter.builder("audit.replays.abandoned", replay, LogReplay::abandonedReplays)
                .description("replays stopped because the client went away")
                .register(registry);
    }
}
