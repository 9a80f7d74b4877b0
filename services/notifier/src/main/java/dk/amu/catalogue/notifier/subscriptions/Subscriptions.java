package dk.amu.catalogue.notifier.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.notifier.outbound.OutboundTargets;
import dk.amu.catalogue.notifier.subscriptions.Subscription.Delivery;
import dk.amu.catalogue.notifier.system.InvalidRequestException;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.notifier.system.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's subscriptions. Only the database is written: every instance's matching index follows
 * it ({@code SubscriptionIndexSync}), this one's included.
 */
@Service
public class Subscriptions {

    /** The event types a filter may name, in the order a person reads them. */
    public static final List<String> EVENT_TYPES = List.of("FkbRevised", "CourseLinked", "CourseLinkEndScheduled",
            "CourseLinkEndWithdrawn", "CourseLinkStartChanged", "CourseDetailsChanged", "CourseUnlinked", "CourseLinkExpired",
            // the notifier's own notices (outbox.Notice's constants; NoticeTypesTests keeps the two equal)
            "CourseLinkExpiryWarning", "ExpiryWarningWithdrawn", "FkbTracked");

    private final SubscriptionRepository repository;

    private final OutboundTargets targets;

    private final NotifierProperties properties;

    private final Clock clock;

    Subscriptions(SubscriptionRepository repository, OutboundTargets targets,
            NotifierProperties properties, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Subscription create(UUID school, SubscriptionRequest request) {
        validate(request);
        var subscription = new Subscription(UUID.randomUUID(), school, request.filters(), webhook(request), email(request),
                request.leadDaysOrDefault(), delivery(request), digestHour(request), Secrets.webhookSecret(), null, null,
                Secrets.feedToken(), null, null, null);
        repository.insert(subscription, clock.instant());
        return subscription;
    }

    public List<Subscription> ofSchool(UUID school) {
        return repository.ofSchool(school);
    }

    /** One page of a school's subscriptions, newest first: a list of a thousand is read a page at a time. */
    public List<Subscription> ofSchool(UUID school, int offset, int limit) {
        return repository.ofSchool(school, offset, limit);
    }

    public int count(UUID school) {
        return repository.countOfSchool(school);
    }

    /** Another school's subscription is "not found": saying it exists would tell too much. */
    public Subscription get(UUID school, UUID id) {
        return repository.byId(id).filter(s -> s.schoolId().equals(school))
                .orElseThrow(() -> new NotFoundException("you have no subscription " + id));
    }

    @Transactional
    public Subscription replace(UUID school, UUID id, SubscriptionRequest request) {
        var existing = get(school, id);
        validate(request);
        repository.update(new Subscription(id, school, request.filters(), webhook(request), email(request),
                request.leadDaysOrDefault(), delivery(request), digestHour(request), existing.webhookSecret(), null, null,
                existing.feedToken(), null, null, null));
        return repository.byId(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID school, UUID id) {
        get(school, id);
        repository.delete(id);
    }

    /** A new secret; the old one goes on signing beside it for {@code secretOverlap}. */
    @Transactional
    public Subscription rotateSecret(UUID school, UUID id) {
        get(school, id);
        repository.rotateSecret(id, Secrets.webhookSecret(), clock.instant().plus(properties.webhooks().secretOverlap()));
        return repository.byId(id).orElseThrow();
    }

    private void validate(SubscriptionRequest request) {
        if (blank(request.webhookUrl()) && blank(request.email())) {
            throw new InvalidRequestException("give a webhookUrl, an email, or both: a subscription needs a channel "
                    + "(its feeds come with every subscription)");
        }
        if (!blank(request.webhookUrl())) {
            targets.checkUrl(request.webhookUrl());
        }
        var unknown = request.filters().eventTypes().stream().filter(t -> !EVENT_TYPES.contains(t)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown eventTypes " + unknown + "; known are " + EVENT_TYPES.stream().sorted().toList());
        }
    }

    private static String webhook(SubscriptionRequest request) {
        return blank(request.webhookUrl()) ? null : request.webhookUrl().strip();
    }

    private static String email(SubscriptionRequest request) {
        return blank(request.email()) ? null : request.email().strip();
    }

    private static Delivery delivery(SubscriptionRequest request) {
        return request.delivery() == null ? Delivery.IMMEDIATE : request.delivery();
    }

    private static int digestHour(SubscriptionRequest request) {
        return request.digestHour() == null ? 7 : request.digestHour();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
