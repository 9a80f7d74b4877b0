package dk.amu.catalogue.notifier.webhooks;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import dk.amu.catalogue.notifier.system.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test message a school sends to its own webhook, to see that it arrives and that its signature
 * verifies, before a real change depends on it. It is a CloudEvent like every notice, signed with the
 * same secrets and sent through the same guard against internal targets, but outside the outbox: no
 * notice, no delivery, nothing the order or the retries of real deliveries depend on. It is sent once,
 * now, and what the receiver answered comes straight back.
 */
@Service
public class TestMessages {

    /**
     * What became of a test message.
     *
     * @param messageId       its {@code webhook-id}, new for every test
     * @param delivered       whether the receiver answered 2xx
     * @param status          the receiver's HTTP status; null when no answer came
     * @param error           why it was not delivered: a refused target, no connection, a non-2xx answer; null when it was
     * @param durationMs      how long sending took, by the wall clock
     * @param responseExcerpt the start of the receiver's answer; null when none came
     */
    public record TestResult(String messageId, boolean delivered, Integer status, String error, int durationMs,
            String responseExcerpt) {
    }

    /** The CloudEvent type, after {@link CloudEvent#TYPE_PREFIX}. */
    static final String TYPE = "Test";

    static final String TEXT = "Testbesked fra AMU-katalogets ændringstjeneste. "
            + "Test message from the AMU catalogue change service.";

    private static final String SOURCE = "/amu-catalogue/notifier";

    private static final Logger log = LoggerFactory.getLogger(TestMessages.class);

    private final Subscriptions subscriptions;

    private final WebhookSender sender;

    private final JsonMapper json;

    private final Clock clock;

    TestMessages(Subscriptions subscriptions, WebhookSender sender, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends a test message to the subscription's webhook and waits for the answer.
     *
     * @throws dk.amu.catalogue.notifier.system.NotFoundException when the school has no such subscription
     * @throws InvalidRequestException                             when the subscription has no webhook URL
     */
    public TestResult send(UUID school, UUID subscriptionId) {
        var subscription = subscriptions.get(school, subscriptionId);
        if (subscription.webhookUrl() == null) {
            throw new InvalidRequestException("the subscription has no webhook URL");
        }
        // business time, as in every notice; the sender stamps the transport time by the wall clock
        var now = clock.instant();
        var id = "test-" + UUID.randomUUID();
        var messageId = Signatures.messageId(subscription.id(), id);
        var data = new CloudEvent.Data(null, null, null, null, null, null, null, null, null, null, TEXT);
        var body = json.writeValueAsBytes(CloudEvent.from(SOURCE, id, TYPE, subscription.id().toString(), now, data));
        long started = System.nanoTime();
        var outcome = sender.send(URI.create(subscription.webhookUrl()), messageId, subscription.signingSecrets(now), body);
        int took = DeliveryAttempt.millisSince(started);
        log.info("Test message {} sent to subscription {}: {}", messageId, subscription.id(),
                outcome.succeeded() ? outcome.status() : outcome.error());
        return new TestResult(messageId, outcome.succeeded(), outcome.status() == 0 ? null : outcome.status(), outcome.error(),
                took, outcome.excerpt());
    }
}
