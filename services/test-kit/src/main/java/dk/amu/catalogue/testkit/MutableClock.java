package dk.amu.catalogue.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dk.amu.catalogue.eventlog.CatalogueZone;

/** A clock the test moves by hand; time never passes by itself. */
public final class MutableClock extends Clock {

    public static final ZoneId CATALOGUE_ZONE = CatalogueZone.ZONE;

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Noon of that day in Copenhagen. */
    public static MutableClock at(LocalDate day) {
        return new MutableClock(day.atTime(12, 0).atZone(CATALOGUE_ZONE).toInstant());
    }

    public void setTo(Instant instant) {
        this.now = instant;
    }

    public void setTo(LocalDate day) {
        setTo(day.atTime(12, 0).atZone(CATALOGUE_ZONE).toInstant());
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return CATALOGUE_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the catalogue has one zone");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
