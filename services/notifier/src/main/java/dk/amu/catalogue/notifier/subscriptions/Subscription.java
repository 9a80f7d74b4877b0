package dk.amu.catalogue.notifier.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.amu.catalogue.eventlog.LinkState;

/**
 * What a school wants to hear about and how. An empty filter means "all".
 *
 * @param previousSecret still signs until {@code previousSecretUntil}, so receivers can roll over
 * @param disabledAt     set when the endpoint answered 410 or failed for days; cleared by an update
 */
public record Subscription(UUID id, UUID schoolId, Filters filters, String webhookUrl, String email, List<Integer> leadDays,
        Delivery delivery, int digestHour, String webhookSecret, String previousSecret, Instant previousSecretUntil,
        String feedToken, Instant failingSince, Instant disabledAt, String disabledReason) {

    public enum Delivery {
        IMMEDIATE, DAILY_DIGEST
    }

    public record Filters(Set<String> fkbCodes, Set<String> courseNumbers, Set<String> euuCodes, Set<String> eventTypes) {

        public Filters {
            fkbCodes = Set.copyOf(fkbCodes);
            courseNumbers = Set.copyOf(courseNumbers);
            euuCodes = Set.copyOf(euuCodes);
            eventTypes = Set.copyOf(eventTypes);
        }

        /** Whether the link is in this filter's scope, whatever happens to it: an empty filter admits all. */
        public boolean covers(LinkState link) {
            return (fkbCodes.isEmpty() || fkbCodes.contains(link.fkbCode()))
                    && (courseNumbers.isEmpty() || courseNumbers.contains(link.courseNumber()))
                    && (euuCodes.isEmpty() || euuCodes.contains(link.euu()));
        }
    }

    /** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(webhookSecret, previousSecret) : List.of(webhookSecret);
    }
}
