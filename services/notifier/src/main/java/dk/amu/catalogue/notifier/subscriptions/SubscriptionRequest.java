package dk.amu.catalogue.notifier.subscriptions;

import java.util.List;
import java.util.Set;

import dk.amu.catalogue.notifier.subscriptions.Subscription.Delivery;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What a school sends to create or replace a subscription. Empty or absent filters mean "all".
 *
 * @param leadDays  days before an end date to warn; default 90, 30 and 7
 * @param delivery  for e-mail: each notice at once, or one digest a day at {@code digestHour} (Copenhagen);
 *                  webhooks are always sent at once
 * @param summary   on creation: also answer with the links in scope that end within the longest lead time
 */
public record SubscriptionRequest(Set<String> fkbCodes, Set<String> courseNumbers, Set<String> euuCodes,
        Set<String> eventTypes, @Size(max = 2000) String webhookUrl, @Email String email,
        List<@Min(0) @Max(3650) Integer> leadDays, Delivery delivery, @Min(0) @Max(23) Integer digestHour, Boolean summary) {

    static final List<Integer> DEFAULT_LEAD_DAYS = List.of(90, 30, 7);

    Subscription.Filters filters() {
        return new Subscription.Filters(clean(fkbCodes), clean(courseNumbers), clean(euuCodes), clean(eventTypes));
    }

    List<Integer> leadDaysOrDefault() {
        return leadDays == null || leadDays.isEmpty() ? DEFAULT_LEAD_DAYS
                : leadDays.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    private static Set<String> clean(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        var result = new java.util.TreeSet<String>();
        values.forEach(v -> {
            if (v != null && !v.isBlank()) {
                result.add(v.strip());
            }
        });
        return result;
    }
}
