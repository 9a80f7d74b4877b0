package dk.amu.catalogue.notifier.webhooks;

import java.util.UUID;

/** Published when a subscription's endpoint is switched off, so its school can be told. */
public record EndpointDisabled(UUID subscriptionId, UUID schoolId, String webhookUrl, String reason) {
}
