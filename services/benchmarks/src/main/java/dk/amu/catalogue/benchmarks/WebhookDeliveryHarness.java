package dk.amu.catalogue.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import dk.amu.catalogue.notifier.webhooks.WebhookSender;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery rate of the notifier's webhooks. {@code endpoints} subscriptions (one school, each its own
 * endpoint at a {@link LocalWebhookReceiver} in this JVM that checks every signature) follow one
 * FKB; the real ingest service ingests a version of it that moves {@code deliveries / endpoints} end
 * dates, the notifier's consumer matches the events and fills its outbox, and with its schedulers
 * off the harness then times {@code WebhookDispatcher.deliverDueNow()} until the outbox is empty:
 * claiming, signing (Standard Webhooks), sending, and recording the outcomes. {@code warm-up}
 * rounds (the JIT needs a few on a busy machine), then {@code rounds} measured ones. Beside it, in the same run: the same number of plain unsigned
 * POSTs of the same body through the notifier's own {@code WebhookSender} (its HTTP client, target
 * check and bounded read) on as many threads as the dispatcher's {@code concurrency}, to the same
 * receiver.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.WebhookDeliveryHarness [deliveries] [endpoints] [rounds] [warm-up]}
 */
public final class WebhookDeliveryHarness {

    private static final String FKB = "bench-delivery";

    private WebhookDeliveryHarness() {
    }

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int perEndpoint = deliveries / endpoints;
        try (var rig = NotifierRig.start(Map.of("catalogue.notifier.scheduling", false), 8)) {
            rig.subscribe(endpoints, Map.of("fkbCodes", List.of(FKB), "eventTypes", List.of("CourseLinkEndScheduled")));
            rig.ingest(FKB, NotifierRig.document(perEndpoint, perEndpoint, 0));
            var dispatcher = rig.notifierBean(WebhookDispatcher.class);
            var receiver = rig.receiver();
            System.out.printf("%n%d endpoints, %d deliveries each per round (one ingested document moving %d end dates)%n",
                    endpoints, perEndpoint, perEndpoint);
            for (int round = 0; round < warmUp + rounds; round++) {
                rig.ingest(FKB, NotifierRig.document(perEndpoint, perEndpoint, round + 1));
                long filled = System.nanoTime();
                while (rig.pendingWebhooks() < (long) perEndpoint * endpoints) {
                    if (ProjectionsRebuildHarness.seconds(filled) > 300) {
                        throw new IllegalStateException("the outbox holds " + rig.pendingWebhooks() + " deliveries after 300 s");
                    }
                    Thread.sleep(50);
                }
                long validBefore = receiver.valid();
                long started = System.nanoTime();
                int attempts = dispatcher.deliverDueNow();
                double seconds = ProjectionsRebuildHarness.seconds(started);
                long received = receiver.valid() - validBefore;
                System.out.printf("%s round %d: %,d attempts, %,d valid signed webhooks received in %.2f s = %,.0f deliveries/s"
                        + " (invalid signatures so far: %d, still pending: %d)%n", round < warmUp ? "warm-up" : "DELIVERY",
                        round < warmUp ? round + 1 : round - warmUp + 1, attempts, received, seconds, received / seconds, receiver.invalid(), rig.pendingWebhooks());
            }
            anchor(rig, deliveries);
        }
    }

    /** Unsigned POSTs of a real notice's body through the notifier's sender, as many threads as its dispatcher. */
    private static void anchor(NotifierRig rig, int requests) throws Exception {
        var sender = rig.notifierBean(WebhookSender.class);
        int threads = rig.notifierBean(NotifierProperties.class).webhooks().concurrency();
        var body = rig.notifierBean(JdbcTemplate.class).queryForObject("select event from notifier.notices limit 1", String.class)
                .getBytes(StandardCharsets.UTF_8);
        var url = URI.create(rig.receiver().plainUrl());
        for (int round = 0; round < 2; round++) {
            var next = new AtomicInteger();
            var failures = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(threads);
            long before = rig.receiver().plain();
            long started = System.nanoTime();
            var work = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        if (sender.send(url, "msg_" + i, List.of(), body).status() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (var future : work) {
                future.get();
            }
            double seconds = ProjectionsRebuildHarness.seconds(started);
            pool.shutdown();
            long received = rig.receiver().plain() - before;
            System.out.printf("%s: %,d unsigned POSTs through WebhookSender on %d threads in %.2f s = %,.0f requests/s"
                    + " (%d failed)%n", round == 0 ? "anchor warm-up" : "ANCHOR", received, threads, seconds,
                    received / seconds, failures.get());
        }
    }
}
