package dk.amu.catalogue.projections.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import dk.amu.catalogue.eventlog.DanishDates;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How the pages write dates and numbers, used from the templates as {@code @dashboardFormat}:
 * dates as dd-mm-yyyy in both languages (the documents' own format), instants in Copenhagen time.
 */
@Component("dashboardFormat")
public class DashboardFormat {

    static final DateTimeFormatter DATE = DanishDates.DATE;

    public String date(LocalDate date) {
        return Objects.requireNonNullElse(DanishDates.date(date), "");
    }

    /** The business date on which the instant fell in Copenhagen. */
    public String date(Instant instant) {
        return Objects.requireNonNullElse(DanishDates.date(instant), "");
    }

    public String dateTime(Instant instant) {
        return Objects.requireNonNullElse(DanishDates.minutes(instant), "");
    }

    /** Course days with one decimal, "2,0" in Danish and "2.0" in English. */
    public String days(BigDecimal days, Locale locale) {
        if (days == null) {
            return "";
        }
        var format = new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(locale));
        return format.format(days);
    }

    /** A whole number with the language's grouping: 1.000 in Danish, 1,000 in English. */
    public String count(long count, Locale locale) {
        return String.format(locale, "%,d", count);
    }

    /**
     * A page's path, for links in long tables: Thymeleaf's {@code @{...}} costs about a millisecond a
     * link (URL rewriting, request data processors), which a thousand rows multiply into seconds.
     */
    public String fkbPath(String code) {
        return "/fkbs/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }

    public String coursePath(String courseNumber) {
        return "/courses/" + UriUtils.encodePathSegment(courseNumber, StandardCharsets.UTF_8);
    }

    /** "2025-06" as 06-2025, the month in the same order as the dates. */
    public String month(String isoMonth) {
        return isoMonth == null || isoMonth.length() != 7 ? isoMonth : isoMonth.substring(5) + "-" + isoMonth.substring(0, 4);
    }
}
