package dk.amu.catalogue.audit.queries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.audit.export.ExportFormat;
import dk.amu.catalogue.audit.export.ExportWindow;
import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.DateOrInstant;

/**
 * The audit's time arguments, read the same way on the command line and over HTTP: a business
 * date is an ISO date; a moment is an ISO instant, or a date meaning 00:00 that day in Copenhagen.
 * A bad value fails with a message naming the option and an example.
 */
public final class AuditArguments {

    private AuditArguments() {
    }

    /** A value the user gave that cannot be used; the message names the option and shows a good value. */
    public static final class BadArgumentException extends IllegalArgumentException {

        public BadArgumentException(String message) {
            super(message);
        }
    }

    public static LocalDate date(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        }
        catch (DateTimeParseException ex) {
            throw new BadArgumentException(option + " must be an ISO date, e.g. 2025-06-01; got '" + text + "'");
        }
    }

    /** An instant, or a date as its first moment in Copenhagen. */
    public static Instant moment(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateOrInstant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new BadArgumentException(option + " must be an ISO instant or date, e.g. 2025-02-01T12:00:00Z or "
                    + "2025-02-01 (00:00 in Copenhagen); got '" + text + "'");
        }
    }

    /** The last moment a {@code to} bound includes: an instant itself, a date all of its day. */
    static Instant endMoment(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (DateOrInstant.isDate(text)) {
            return CatalogueZone.startOf(date(option, text).plusDays(1)).minusMillis(1);
        }
        return moment(option, text);
    }

    public static ExportFormat format(String option, String text) {
        try {
            return text == null || text.isBlank() ? ExportFormat.CSV : ExportFormat.parse(text);
        }
        catch (IllegalArgumentException ex) {
            throw new BadArgumentException(option + " must be csv or jsonl, e.g. " + option + " csv; got '" + text + "'");
        }
    }

    /**
     * @param by recorded (the default: from and to are moments) or effective (from and to are dates); both bounds included
     */
    public static ExportWindow window(String byOption, String by, String fromOption, String from, String toOption,
            String to) {
        ExportWindow.By axis;
        try {
            axis = by == null || by.isBlank() ? ExportWindow.By.RECORDED : ExportWindow.By.parse(by);
        }
        catch (IllegalArgumentException ex) {
            throw new BadArgumentException(byOption + " must be recorded or effective, e.g. " + byOption
                    + " effective; got '" + by + "'");
        }
        if (axis == ExportWindow.By.EFFECTIVE) {
            return ExportWindow.effective(date(fromOption, from), date(toOption, to));
        }
        return ExportWindow.recorded(moment(fromOption, from), endMoment(toOption, to));
    }
}
