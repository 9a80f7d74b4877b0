package dk.amu.catalogue.ingest.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table row, {@code 47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024
 * til 30-06-2025}, already joined from the lines it was wrapped over. The title is whatever lies
 * between the course number and the EUU code, so titles may contain any words, digits included.
 */
final class LinkRowReader {

    // loose on purpose, so 2024-12-19 or 19.12.2024 get a precise message; the four-digit year
    // keeps version numbers such as 1.2.3 in titles from being taken for dates
    static final Pattern DATE_LIKE = Pattern.compile(
            "(?<!\\S)(?:\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})(?!\\S)");
    private static final Pattern COURSE_NUMBER = Pattern.compile("\\d{5}");
    private static final Pattern DATE = Pattern.compile("\\d{2}-\\d{2}-\\d{4}");
    private static final Pattern EUU = Pattern.compile("[A-ZÆØÅ]{2}");
    private static final Pattern DURATION = Pattern.compile("\\d{1,5}(?:[,.]\\d+)?");
    private static final Pattern UNTIL = Pattern.compile("til (\\S+)", Pattern.CASE_INSENSITIVE);
    private static final String OPEN_ENDED = "og fremefter";
    private static final String EXPECTED_PERIOD = "(expected 'DD-MM-YYYY og fremefter' or 'DD-MM-YYYY til DD-MM-YYYY')";
    // strict: 31-02-2025 must fail instead of becoming 28-02-2025
    private static final DateTimeFormatter DANISH_DATE =
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);

    private LinkRowReader() {
    }

    /** Refuses a row whose first word is not a course number before anything else is read. */
    static String courseNumber(String firstLine, int lineNumber) {
        String first = firstLine.split(" ", 2)[0];
        if (COURSE_NUMBER.matcher(first).matches()) {
            return first;
        }
        throw notARow(firstLine, lineNumber);
    }

    /** The rejection of a line in the table that does not start with a course number. */
    static DocumentRejectedException notARow(String line, int lineNumber) {
        String first = line.split(" ", 2)[0];
        if (first.chars().anyMatch(Character::isDigit)) {
            return new DocumentRejectedException("course number '" + first + "' is not five digits", lineNumber);
        }
        return new DocumentRejectedException("expected a table row starting with a five-digit course number, found '"
                + line + "'", lineNumber);
    }

    /** @param lastLine the line holding EUU, duration and period, where those errors are reported */
    static LinkRow read(String text, int firstLine, int lastLine) {
        String number = courseNumber(text, firstLine);
        Matcher start = DATE_LIKE.matcher(text);
        if (!start.find()) {
            throw new DocumentRejectedException("row for course " + number + " has no linking period "
                    + EXPECTED_PERIOD, lastLine);
        }
        List<String> head = Arrays.asList(text.substring(0, start.start()).strip().split(" "));
        String period = text.substring(start.start()).strip();
        int euuAt = euuPosition(head, number, period, lastLine);
        String title = String.join(" ", head.subList(1, euuAt));
        if (title.isEmpty()) {
            throw new DocumentRejectedException("course " + number + " has no title", firstLine);
        }
        LocalDate from = date(start.group(), number, lastLine);
        LocalDate to = end(text.substring(start.end()).strip(), period, number, lastLine);
        if (to != null && to.isBefore(from)) {
            throw new DocumentRejectedException("end date " + to.format(DANISH_DATE) + " is before start date "
                    + start.group() + " for course " + number, lastLine);
        }
        BigDecimal duration = duration(head.get(euuAt + 1), number, lastLine);
        return new LinkRow(firstLine, number, title, head.get(euuAt), duration, from, to);
    }

    // EUU and duration are normally the last two words before the first date; when they are found
    // further left, the words in between are a period phrase we do not know.
    private static int euuPosition(List<String> head, String number, String period, int line) {
        int n = head.size();
        if (n >= 3 && isEuu(head.get(n - 2)) && DURATION.matcher(head.get(n - 1)).matches()) {
            return n - 2;
        }
        for (int i = n - 3; i >= 1; i--) {
            if (isEuu(head.get(i)) && DURATION.matcher(head.get(i + 1)).matches()) {
                String phrase = String.join(" ", head.subList(i + 2, n)) + " " + period;
                throw unknownPeriod(phrase, number, line);
            }
        }
        if (n >= 3 && DURATION.matcher(head.get(n - 1)).matches()) {
            throw new DocumentRejectedException("cannot read the EUU code '" + head.get(n - 2) + "' for course "
                    + number + " (expected two capital letters such as AD)", line);
        }
        if (n >= 3 && isEuu(head.get(n - 2))) {
            throw new DocumentRejectedException("cannot read the duration '" + head.get(n - 1) + "' for course "
                    + number + " (expected days such as 2,0)", line);
        }
        throw new DocumentRejectedException("cannot read EUU code and duration for course " + number
                + " (expected e.g. 'AD 2,0' before the period)", line);
    }

    private static boolean isEuu(String word) {
        return EUU.matcher(word).matches();
    }

    private static LocalDate end(String afterStart, String period, String number, int line) {
        if (afterStart.equalsIgnoreCase(OPEN_ENDED)) {
            return null;
        }
        Matcher until = UNTIL.matcher(afterStart);
        if (until.matches() && DATE_LIKE.matcher(until.group(1)).matches()) {
            return date(until.group(1), number, line);
        }
        throw unknownPeriod(period, number, line);
    }

    private static DocumentRejectedException unknownPeriod(String phrase, String number, int line) {
        return new DocumentRejectedException("unknown period phrase '" + phrase + "' for course " + number + " "
                + EXPECTED_PERIOD, line);
    }

    private static LocalDate date(String text, String number, int line) {
        if (!DATE.matcher(text).matches()) {
            throw new DocumentRejectedException("date '" + text + "' for course " + number
                    + " is not written DD-MM-YYYY", line);
        }
        try {
            return LocalDate.parse(text, DANISH_DATE);
        } catch (DateTimeException e) {
            throw new DocumentRejectedException("impossible date " + text + " for course " + number, line);
        }
    }

    private static BigDecimal duration(String text, String number, int line) {
        BigDecimal days = new BigDecimal(text.replace(',', '.'));
        if (days.signum() <= 0) {
            throw new DocumentRejectedException("duration " + text + " days for course " + number
                    + " is not a positive number of days", line);
        }
        try {
            // CourseLink's decimal has scale 1; Avro refuses any other scale when serialising
            return days.setScale(1, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DocumentRejectedException("duration " + text + " days for course " + number
                    + " has more than one decimal", line);
        }
    }
}
