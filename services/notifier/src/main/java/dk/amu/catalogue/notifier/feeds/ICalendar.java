package dk.amu.catalogue.notifier.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) document of all-day events, written line by line: text escaped, lines
 * folded at 75 octets, CRLF endings, as calendar programs expect.
 */
final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private final Instant stamp;

    ICalendar(String name, Instant stamp) {
        this.stamp = stamp;
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//AMU catalogue//notifier//DA");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + escape(name));
        line("X-WR-TIMEZONE:Europe/Copenhagen");
    }

    ICalendar allDay(String uid, LocalDate day, String summary, String description) {
        line("BEGIN:VEVENT");
        line("UID:" + escape(uid));
        line("DTSTAMP:" + STAMP.format(stamp));
        line("DTSTART;VALUE=DATE:" + DATE.format(day));
        line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line("SUMMARY:" + escape(summary));
        line("DESCRIPTION:" + escape(description));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private void line(String text) {
        var bytes = 0;
        var current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 75) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                bytes = 1;
            }
            current.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }
}
