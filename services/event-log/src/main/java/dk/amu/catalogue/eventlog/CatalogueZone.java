package dk.amu.catalogue.eventlog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The catalogue's one time zone. Every date in a document and an event is a calendar date here: a
 * link "til 30-06-2025" has expired from 01-07-2025 00:00 Copenhagen time.
 */
public final class CatalogueZone {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private CatalogueZone() {
    }

    /** The business date the clock shows in Copenhagen. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The first instant of a business date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
