package dk.amu.catalogue.notifier.feeds;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.CatalogueZone;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An iCalendar (RFC 5545) document of all-day events, written by ical4j: it escapes the text, folds
 * the lines and ends them with CRLF, as calendar programs expect.
 */
final class ICalendar {

    private final Calendar calendar;

    /** Every event's DTSTAMP: when the feed was made, on the catalogue clock, not ical4j's "now". */
    private final DtStamp stamp;

    ICalendar(String name, Instant stamp) {
        this.stamp = new DtStamp(stamp);
        this.calendar = new Calendar()
                .withProdId("-//AMU catalogue//notifier//DA")
                .withDefaults()
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .withProperty(new XProperty("X-WR-TIMEZONE", CatalogueZone.ZONE.getId()))
                .getFluentTarget();
    }

    /** One day's event; {@code uid} is what calendar programs keep, so it must never change for the same event. */
    ICalendar allDay(String uid, LocalDate day, String summary, String description) {
        // new VEvent(false): the default constructor would stamp it with the system clock
        var event = new VEvent(false)
                .withProperty(new Uid(uid))
                .withProperty(stamp)
                .withProperty(new DtStart<>(day))
                .withProperty(new DtEnd<>(day.plusDays(1)))
                .withProperty(new Summary(summary))
                .withProperty(new Description(description))
                .withProperty(ImmutableTransp.TRANSPARENT)
                .getFluentTarget();
        calendar.add((VEvent) event);
        return this;
    }

    String end() {
        var text = new StringWriter();
        try {
            // not validated on the way out: METHOD:PUBLISH would make ical4j ask for an iTIP ORGANIZER no feed has
            new CalendarOutputter(false).output(calendar, text);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ValidationException ex) {
            throw new IllegalStateException("ical4j validates nothing when asked not to", ex);
        }
        return text.toString();
    }
}
