package dk.amu.catalogue.notifier.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A receiver's {@code Retry-After}: seconds or an HTTP date, read against the wall clock the receiver's date is on. */
final class RetryAfter {

    /** So a receiver cannot park its deliveries for ever. */
    private static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {
    }

    /** The wait the header asks for, at least zero and at most a day; null for a value that is neither form. */
    static Duration parse(String value, Instant now) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        }
        catch (NumberFormatException ex) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
