package dk.amu.catalogue.audit.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import dk.amu.catalogue.events.v1.CatalogueEvent;

/**
 * Which events an export holds: all, or those whose record instant or effective date lies between
 * {@code from} and {@code to}, both included. By record time a bound is an instant; by effective date a date.
 */
public record ExportWindow(By by, Instant recordedFrom, Instant recordedTo, LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public enum By {
        RECORDED, EFFECTIVE;

        public static By parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("by must be recorded or effective, got '" + text + "'");
            }
        }
    }

    public static final ExportWindow ALL = new ExportWindow(By.RECORDED, null, null, null, null);

    public static ExportWindow recorded(Instant from, Instant to) {
        return new ExportWindow(By.RECORDED, from, to, null, null);
    }

    public static ExportWindow effective(LocalDate from, LocalDate to) {
        return new ExportWindow(By.EFFECTIVE, null, null, from, to);
    }

    public boolean contains(CatalogueEvent event) {
        if (by == By.RECORDED) {
            Instant recorded = event.getRecordedAt();
            return (recordedFrom == null || !recorded.isBefore(recordedFrom))
                    && (recordedTo == null || !recorded.isAfter(recordedTo));
        }
        LocalDate effective = event.getEffectiveDate();
        return (effectiveFrom == null || !effective.isBefore(effectiveFrom))
                && (effectiveTo == null || !effective.isAfter(effectiveTo));
    }
}
