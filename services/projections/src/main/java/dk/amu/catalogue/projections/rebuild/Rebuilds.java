package dk.amu.catalogue.projections.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import dk.amu.catalogue.eventconsumer.EventConsumerFactory;
import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.consuming.BulkProjection;
import dk.amu.catalogue.projections.consuming.LiveConsumer;
import dk.amu.catalogue.projections.consuming.ProjectionStore;
import dk.amu.catalogue.projections.consuming.Projector;
import dk.amu.catalogue.projections.rebuild.RebuildProgress.State;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.projections.system.ProjectionsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models without downtime: replays the log from offset 0 into a shadow schema
 * while the live tables keep serving, then holds off the live consumers of every instance, catches
 * up the last events, and swaps the schemas in one transaction. One rebuild at a time, across all
 * instances on the database ({@link RebuildLocks}); its progress shows on the instance that runs it.
 */
@Service
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ShadowSchema shadow;

    private final LiveConsumer live;

    private final RebuildLocks locks;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Map<String, Object> consumerSettings;

    private final ProjectionsProperties properties;

    private final Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "projections-rebuild"));

    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());

    Rebuilds(ShadowSchema shadow, LiveConsumer live, RebuildLocks locks, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, KafkaProperties kafka, CatalogueProperties catalogue,
            ProjectionsProperties properties, Clock clock, MeterRegistry meters) {
        this.shadow = shadow;
        this.live = live;
        this.locks = locks;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        var settings = new HashMap<>(EventConsumerFactory.properties(kafka, catalogue.registryUrl(), "projections-rebuild"));
        // assigned partitions and positions in the shadow schema: no group, no commits
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.rebuild().batchSize());
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumerSettings = Map.copyOf(settings);
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("catalogue.projections.rebuild.progress", () -> progress.get().fraction())
                .description("share of the log the running or last rebuild has replayed, 0 to 1")
                .register(meters);
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /**
     * Starts a rebuild in the background, or returns the one running here.
     *
     * @throws RebuildElsewhereException when another instance on the database rebuilds
     */
    public synchronized RebuildProgress start() {
        if (progress.get().running()) {
            return progress.get();
        }
        var lock = locks.rebuild().orElseThrow(RebuildElsewhereException::new);
        var started = new RebuildProgress(State.MIGRATING, clock.instant(), null, 0, 0, 0, null);
        progress.set(started);
        try {
            worker.execute(() -> run(lock));
        }
        catch (RuntimeException ex) {
            lock.close();
            progress.set(RebuildProgress.idle());
            throw ex;
        }
        return started;
    }

    /** Holds the rebuild lock until the end, the shadow schema's drop after a failure included. */
    private void run(RebuildLocks.Held lock) {
        try (lock) {
            rebuild(lock);
        }
    }

    private void rebuild(RebuildLocks.Held lock) {
        var replayed = new AtomicLong();
        var skipped = new AtomicLong();
        var startedAt = progress.get().startedAt();
        try (var consumer = new KafkaConsumer<String, CatalogueEvent>(consumerSettings)) {
            shadow.create();
            var positions = new ConsumerPositions(jdbc, ShadowSchema.NAME);
            var replay = new Replay(consumer, new PositionedBatches(transactions, positions), positions,
                    new Projector(new ProjectionStore(jdbc, ShadowSchema.NAME)), properties.rebuild().pollTimeout());
            var end = replay.end();
            var target = end.values().stream().mapToLong(Long::longValue).sum();
            report(State.REPLAYING, startedAt, replayed, target, skipped);
            var replayStarted = System.nanoTime();
            try (var bulk = new BulkProjection(jdbc, ShadowSchema.NAME, properties.rebuild().batchSize())) {
                new BulkReplay(consumer, bulk, positions, properties.rebuild().pollTimeout())
                        .fromStart(end, n -> report(State.REPLAYING, startedAt, replayed.addAndGet(n), target, skipped),
                                n -> skipped.addAndGet(n));
            }
            var indexStarted = System.nanoTime();
            shadow.complete();
            log.info("Rebuild replayed {} events in {} ms, then built keys and indexes in {} ms", replayed.get(),
                    (indexStarted - replayStarted) / 1_000_000, (System.nanoTime() - indexStarted) / 1_000_000);
            replay.seekToStored();
            report(State.SWITCHING, startedAt, replayed, target, skipped);
            live.stop();
            try {
                // past every live batch of every instance: the end read now lies beyond all they applied
                lock.stopLiveBatches();
                try {
                    replay.until(replay.end(), replayed::addAndGet, skipped::addAndGet);
                    shadow.switchOver();
                }
                finally {
                    lock.resumeLiveBatches();
                }
            }
            finally {
                live.start();
            }
            progress.set(new RebuildProgress(State.DONE, startedAt, clock.instant(), replayed.get(), target,
                    skipped.get(), null));
            log.info("Rebuild done: {} events replayed, {} skipped, tables switched over", replayed.get(), skipped.get());
        }
        catch (RuntimeException ex) {
            log.error("Rebuild failed; the live tables are unchanged", ex);
            progress.set(new RebuildProgress(State.FAILED, startedAt, clock.instant(), replayed.get(),
                    progress.get().target(), skipped.get(), ex.toString()));
            try {
                shadow.drop();
            }
            catch (RuntimeException dropFailed) {
                log.warn("Could not drop the shadow schema: {}", dropFailed.toString());
            }
        }
    }

    private void report(State state, Instant startedAt, AtomicLong replayed, long target, AtomicLong skipped) {
        progress.set(new RebuildProgress(state, startedAt, null, replayed.get(), target, skipped.get(), null));
    }

    private void report(State state, Instant startedAt, long replayed, long target, AtomicLong skipped) {
        progress.set(new RebuildProgress(state, startedAt, null, replayed, target, skipped.get(), null));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
