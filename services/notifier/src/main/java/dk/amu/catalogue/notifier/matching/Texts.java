package dk.amu.catalogue.notifier.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import dk.amu.catalogue.notifier.outbox.CloudEvent;

/** The Danish sentences notices carry; dates as the FKB documents write them. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Texts() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String course(String number, String title) {
        return "Kursus " + number + (title == null || title.isBlank() ? "" : " " + title);
    }

    static String successor(CloudEvent.Successor successor) {
        return successor == null ? ""
                : " Det erstattes sandsynligvis af " + successor.courseNumber() + " " + successor.title() + ".";
    }

    public static String tracked(String fkbCode, String title, int courses) {
        return "FKB " + (title == null ? fkbCode : title + " (" + fkbCode + ")") + " følges nu, med " + courses
                + (courses == 1 ? " kursus." : " kurser.");
    }

    public static String warning(String number, String title, String fkbCode, LocalDate linkedTo, long days) {
        return course(number, title) + " udløber i FKB " + fkbCode + " den " + date(linkedTo) + ", om " + days
                + (days == 1 ? " dag." : " dage.");
    }

    public static String warningWithdrawn(String number, String title, String fkbCode, LocalDate linkedTo) {
        return "Advarslen om at " + course(number, title).toLowerCase(java.util.Locale.ROOT).charAt(0)
                + course(number, title).substring(1) + " udløber i FKB " + fkbCode + " den " + date(linkedTo)
                + ", gælder ikke længere.";
    }
}
