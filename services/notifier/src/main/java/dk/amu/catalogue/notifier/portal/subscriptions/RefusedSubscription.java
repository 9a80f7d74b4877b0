package dk.amu.catalogue.notifier.portal.subscriptions;

import java.util.Map;

import dk.amu.catalogue.notifier.outbound.UnsafeTargetException;
import dk.amu.catalogue.notifier.system.InvalidRequestException;

/**
 * What {@code Subscriptions} refused, put back on the form's fields. The form checks the common
 * mistakes itself; what reaches here is mostly what only the service can tell: a webhook host that
 * does not resolve, or resolves inside a private network.
 */
final class RefusedSubscription {

    private RefusedSubscription() {
    }

    static Map<String, String> errors(InvalidRequestException ex) {
        if (ex instanceof UnsafeTargetException) {
            return Map.of("webhookUrl", "form.webhookUrl.unsafe");
        }
        var message = String.valueOf(ex.getMessage());
        if (message.contains("channel")) {
            return Map.of("channels", "form.channels.missing");
        }
        if (message.contains("eventTypes")) {
            return Map.of("eventTypes", "form.eventTypes.unknown");
        }
        return Map.of("form", "form.rejected");
    }
}
