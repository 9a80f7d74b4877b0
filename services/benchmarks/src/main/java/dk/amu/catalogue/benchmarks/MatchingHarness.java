package dk.amu.catalogue.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.outbox.Subject;
import dk.amu.catalogue.notifier.subscriptions.Subscription;

/**
 * The notifier's matching: {@code events} notices against {@code subscriptions} subscriptions in
 * the in-memory index, the shape of a real population (most follow one FKB, some a few courses or
 * an EUU code, some only certain event types, a few everything). Prints the time of each round of
 * matching all notices, after warm-up rounds, and how many deliveries they found.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.MatchingHarness [subscriptions] [events]}
 */
public final class MatchingHarness {

    private static final List<String> TYPES = List.of("FkbRevised", "CourseLinked", "CourseLinkEndScheduled",
            "CourseLinkEndWithdrawn", "CourseLinkStartChanged", "CourseDetailsChanged", "CourseUnlinked", "CourseLinkExpired");

    private MatchingHarness() {
    }

    public static void main(String[] args) {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        var random = new Random(42);
        var index = new SubscriptionIndex();
        var built = new ArrayList<Subscription>(subscriptions);
        long start = System.nanoTime();
        for (int i = 0; i < subscriptions; i++) {
            built.add(subscription(random));
        }
        index.replaceAll(built);
        System.out.printf("index of %,d subscriptions built in %.0f ms%n", subscriptions, (System.nanoTime() - start) / 1e6);
        var subjects = new ArrayList<Subject>(events);
        for (int i = 0; i < events; i++) {
            var course = Integer.toString(40_000 + random.nextInt(30_000));
            subjects.add(new Subject(fkb(random), Set.of(course), Set.of(euu(random)), TYPES.get(random.nextInt(TYPES.size()))));
        }
        for (int round = 0; round < 15; round++) {
            long t = System.nanoTime();
            long matched = 0;
            for (var subject : subjects) {
                matched += index.match(subject).size();
            }
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("%s round %2d: %,d events matched in %.1f ms (%,d deliveries)%n", round < 5 ? "warm-up" : "measure",
                    round, events, ms, matched);
        }
    }

    private static Subscription subscription(Random random) {
        Set<String> fkbs = Set.of();
        Set<String> courses = Set.of();
        Set<String> euus = Set.of();
        int kind = random.nextInt(100);
        if (kind < 70) {
            fkbs = Set.of(fkb(random));
        }
        else if (kind < 90) {
            var set = new HashSet<String>();
            for (int i = 0; i <= random.nextInt(3); i++) {
                set.add(Integer.toString(40_000 + random.nextInt(30_000)));
            }
            courses = set;
        }
        else if (kind < 99) {
            euus = Set.of(euu(random));
        }
        Set<String> types = random.nextInt(4) == 0 ? new HashSet<>(List.of(TYPES.get(random.nextInt(TYPES.size())),
                TYPES.get(random.nextInt(TYPES.size())))) : Set.of();
        return new Subscription(UUID.randomUUID(), UUID.randomUUID(), new Subscription.Filters(fkbs, courses, euus, types),
                "https://example.org/hook", null, List.of(90, 30, 7), Subscription.Delivery.IMMEDIATE, 7, "whsec_x", null,
                null, "t", null, null, null);
    }

    private static String fkb(Random random) {
        return "fkb-" + random.nextInt(300);
    }

    private static String euu(Random random) {
        return "EUU" + random.nextInt(500);
    }
}
