package dk.amu.catalogue.notifier.mail;

import java.util.List;

import dk.amu.catalogue.notifier.outbox.CloudEvent;
import org.springframework.web.util.HtmlUtils;

/**
 * A mail's subject and its body as plain text and HTML, in Danish, one list item per notice: the same
 * shape for one notice, an ingestion of an FKB and a daily digest, so a school reads them all alike.
 */
record MailText(String subject, String text, String html) {

    private static final int SUBJECT_LENGTH = 150;

    /** One notice, or a daily digest of several. */
    static MailText of(List<CloudEvent> events) {
        var subject = events.size() == 1 ? "AMU-kataloget: " + events.get(0).data().text()
                : "AMU-kataloget: " + events.size() + " ændringer";
        return write(subject, "Dette er sket i AMU-kataloget:", events);
    }

    /**
     * The changes of one ingestion of an FKB, already in the order to read them.
     *
     * @param fkb the FKB as a person names it: its title and code, or the code alone
     */
    static MailText ofIngestion(String fkb, List<CloudEvent> events) {
        if (events.size() == 1) {
            return of(events);
        }
        return write("AMU-kataloget: " + events.size() + " ændringer i FKB " + fkb,
                "En ny udgave af FKB " + fkb + " er læst ind. Dette er ændret:", events);
    }

    private static MailText write(String subject, String intro, List<CloudEvent> events) {
        var text = new StringBuilder("Hej\n\n").append(intro).append("\n\n");
        var html = new StringBuilder("<p>Hej</p><p>").append(HtmlUtils.htmlEscape(intro)).append("</p><ul>");
        for (var event : events) {
            text.append("- ").append(event.data().text()).append('\n');
            html.append("<li>").append(HtmlUtils.htmlEscape(event.data().text())).append("</li>");
        }
        text.append("\nVenlig hilsen\nAMU-katalogets ændringstjeneste\n");
        html.append("</ul><p>Venlig hilsen<br>AMU-katalogets ændringstjeneste</p>");
        return new MailText(subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) + "…" : subject,
                text.toString(), "<html><body>" + html + "</body></html>");
    }
}
