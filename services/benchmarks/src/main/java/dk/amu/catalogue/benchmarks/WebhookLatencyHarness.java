package dk.amu.catalogue.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Ingest to webhook received. {@code subscriptions} subscriptions (one school, each its own
 * endpoint at a {@link LocalWebhookReceiver} in this JVM that checks every signature) follow course
 * 10000 of one FKB; the notifier runs as in production (schedulers on: the consumer nudges the
 * dispatcher after each batch, and the dispatcher also polls). One change at a time, the real ingest
 * service ingests a new version of the FKB's document in which that course's end date has moved
 * (events: {@code FkbRevised}, {@code CourseLinkEndScheduled}); each change is timed from the call
 * that submits the document until every subscription's webhook for it has arrived. Beside it, from
 * the same changes: ingest alone, from the submit until the call returns with the events committed.
 * Prints p50, p99 and the maximum of: ingest alone, each webhook, the first and the last webhook of
 * each change.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.WebhookLatencyHarness [changes] [subscriptions] [warm-up changes]}
 */
public final class WebhookLatencyHarness {

    private static final String FKB = "bench-latency";

    private static final int LINKS = 20;

    private WebhookLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int subscriptions = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (var rig = NotifierRig.start(Map.of(), 8)) {
            rig.subscribe(subscriptions, Map.of("fkbCodes", List.of(FKB), "courseNumbers", List.of("10000")));
            var arrivals = new ConcurrentHashMap<String, Queue<Long>>();
            rig.receiver().listen(arrival -> {
                if (arrival.eventId() != null) {
                    arrivals.computeIfAbsent(arrival.eventId(), id -> new ConcurrentLinkedQueue<>()).add(arrival.nanos());
                }
            });
            // the first ingestion is announced as one summary to everyone; let it go out before measuring
            rig.ingest(FKB, NotifierRig.document(LINKS, 1, 0));
            awaitQuiet(rig);

            var ingestMillis = new double[changes];
            var firstMillis = new double[changes];
            var lastMillis = new double[changes];
            var eachMillis = new double[changes * subscriptions];
            for (int i = 0; i < warmUp + changes; i++) {
                long submitted = System.nanoTime();
                var report = rig.ingest(FKB, NotifierRig.document(LINKS, 1, i + 1));
                long committed = System.nanoTime();
                var eventId = report.events().stream().filter(e -> e.type().equals("CourseLinkEndScheduled")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the document moved no end date: " + report)).eventId();
                var received = arrivals.computeIfAbsent(eventId, id -> new ConcurrentLinkedQueue<>());
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (received.size() < subscriptions) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("change " + i + ": " + received.size() + " of " + subscriptions
                                + " webhooks after 60 s");
                    }
                    LockSupport.parkNanos(100_000);
                }
                if (i < warmUp) {
                    continue;
                }
                int n = i - warmUp;
                ingestMillis[n] = (committed - submitted) / 1e6;
                var times = received.stream().mapToLong(Long::longValue).sorted().toArray();
                firstMillis[n] = (times[0] - submitted) / 1e6;
                lastMillis[n] = (times[times.length - 1] - submitted) / 1e6;
                for (int k = 0; k < subscriptions; k++) {
                    eachMillis[n * subscriptions + k] = (times[k] - submitted) / 1e6;
                }
            }
            System.out.printf("%n%d changes (after %d warm-up), each reaching %d subscriptions; invalid signatures: %d%n",
                    changes, warmUp, subscriptions, rig.receiver().invalid());
            print("ANCHOR ingest alone (submit to events committed)", ingestMillis);
            print("LATENCY each webhook (submit to received)", eachMillis);
            print("LATENCY first webhook of a change", firstMillis);
            print("LATENCY last webhook of a change (all received)", lastMillis);
        }
    }

    private static void awaitQuiet(NotifierRig rig) throws InterruptedException {
        Thread.sleep(3_000);
        long seen = -1;
        while (rig.pendingWebhooks() > 0 || rig.receiver().valid() != seen) {
            seen = rig.receiver().valid();
            Thread.sleep(1_000);
        }
    }

    private static void print(String what, double[] millis) {
        var sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)%n", what,
                NotifierRig.percentile(sorted, 0.50), NotifierRig.percentile(sorted, 0.99), sorted[sorted.length - 1],
                sorted.length);
    }
}
