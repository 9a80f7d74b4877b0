package dk.amu.catalogue.notifier.portal.subscriptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRequest;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;

/**
 * The subscription form as the browser posts it, every field as typed, so a refused form comes back
 * exactly as the school left it. {@link #errors()} checks what a person commonly gets wrong and names
 * the field with a message key, before anything reaches {@link Subscriptions}; what only the service
 * can know (an address inside a private network) it maps back to a field itself
 * ({@link RefusedSubscription}).
 */
record SubscriptionForm(List<String> fkbCodes, List<String> courseNumbers, List<String> euuCodes, List<String> eventTypes,
        String webhookUrl, String email, String leadDays, String delivery, String digestHour) {

    static final int MAX_LEAD_DAYS = 3650;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Pattern COURSE = Pattern.compile("[0-9]{5}");

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");

    SubscriptionForm {
        fkbCodes = clean(fkbCodes);
        courseNumbers = clean(courseNumbers);
        euuCodes = clean(euuCodes);
        eventTypes = clean(eventTypes);
        webhookUrl = strip(webhookUrl);
        email = strip(email);
        leadDays = strip(leadDays);
        delivery = strip(delivery).isEmpty() ? Subscription.Delivery.IMMEDIATE.name() : strip(delivery);
        digestHour = strip(digestHour);
    }

    /** A new subscription's form: every FKB, at once, warned 90, 30 and 7 days ahead. */
    static SubscriptionForm blank() {
        return new SubscriptionForm(null, null, null, null, "", "", "90, 30, 7", "IMMEDIATE", "7");
    }

    static SubscriptionForm of(Subscription s) {
        var f = s.filters();
        return new SubscriptionForm(sorted(f.fkbCodes()), sorted(f.courseNumbers()), sorted(f.euuCodes()),
                Subscriptions.EVENT_TYPES.stream().filter(f.eventTypes()::contains).toList(), s.webhookUrl(), s.email(),
                String.join(", ", s.leadDays().stream().map(String::valueOf).toList()), s.delivery().name(),
                String.valueOf(s.digestHour()));
    }

    /** Each field's first problem as a message key, in the order of the form; empty when the form can be saved. */
    Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        if (courseNumbers.stream().anyMatch(n -> !COURSE.matcher(n).matches())) {
            errors.put("courseNumbers", "form.courseNumbers.invalid");
        }
        if (eventTypes.stream().anyMatch(t -> !Subscriptions.EVENT_TYPES.contains(t))) {
            errors.put("eventTypes", "form.eventTypes.unknown");
        }
        if (webhookUrl.isEmpty() && email.isEmpty()) {
            errors.put("channels", "form.channels.missing");
        }
        if (!webhookUrl.isEmpty()) {
            var problem = urlProblem(webhookUrl);
            if (problem != null) {
                errors.put("webhookUrl", problem);
            }
        }
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.put("email", "form.email.invalid");
        }
        if (lead() == null) {
            errors.put("leadDays", "form.leadDays.invalid");
        }
        if (Arrays.stream(Subscription.Delivery.values()).noneMatch(d -> d.name().equals(delivery))) {
            errors.put("delivery", "form.delivery.invalid");
        }
        if (hour() == null) {
            errors.put("digestHour", "form.digestHour.invalid");
        }
        return errors;
    }

    /** What the service is asked for; only once {@link #errors()} is empty. */
    SubscriptionRequest request() {
        return new SubscriptionRequest(Set.copyOf(fkbCodes), Set.copyOf(courseNumbers), Set.copyOf(euuCodes),
                Set.copyOf(eventTypes), webhookUrl.isEmpty() ? null : webhookUrl, email.isEmpty() ? null : email, lead(),
                deliveryChoice(), hour(), null);
    }

    public boolean dailyDigest() {
        return Subscription.Delivery.DAILY_DIGEST.name().equals(delivery);
    }

    private Subscription.Delivery deliveryChoice() {
        return Subscription.Delivery.valueOf(delivery);
    }

    /** The lead days typed, or an empty list for the defaults; null when they are not whole days from 0 to 3650. */
    private List<Integer> lead() {
        var days = new ArrayList<Integer>();
        if (leadDays.isEmpty()) {
            return days;
        }
        for (var part : leadDays.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(part).matches() || Integer.parseInt(part) > MAX_LEAD_DAYS) {
                return null;
            }
            days.add(Integer.parseInt(part));
        }
        return days.isEmpty() || days.size() > 20 ? null : days;
    }

    private Integer hour() {
        if (digestHour.isEmpty()) {
            return 7;
        }
        return NUMBER.matcher(digestHour).matches() && Integer.parseInt(digestHour) <= 23 ? Integer.parseInt(digestHour) : null;
    }

    private static String urlProblem(String url) {
        if (url.length() > 2000) {
            return "form.webhookUrl.invalid";
        }
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isBlank()) {
                return "form.webhookUrl.invalid";
            }
            return uri.getRawUserInfo() != null ? "form.webhookUrl.credentials" : null;
        }
        catch (URISyntaxException ex) {
            return "form.webhookUrl.invalid";
        }
    }

    private static List<String> clean(List<String> values) {
        var result = new LinkedHashSet<String>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(result::add);
        }
        return List.copyOf(result);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
