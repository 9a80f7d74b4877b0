package dk.amu.catalogue.projections.dashboard;

import java.util.Locale;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.links.LinkView;
import org.springframework.context.MessageSource;

/**
 * One row of an FKB's link table, every cell already written in the reader's language: a page
 * may have thousands of rows, and formatting in Java costs a fraction of formatting in the template.
 *
 * @param linkedTo   the end date, or the words for open-ended
 * @param unlinkedOn the removal date, empty when not removed
 * @param successor  "likely replaced by ...", empty when there is no hint
 */
record LinkRow(String courseNumber, String title, String euu, String days, String linkedFrom, String linkedTo,
        LinkStatus status, String statusLabel, String unlinkedOn, String successorNumber, String successor) {

    /** Writes rows in one language, looking each fixed text up once. */
    static final class Writer {

        private final DashboardFormat format;

        private final Locale locale;

        private final MessageSource messages;

        private final String openEnded;

        private final Map<LinkStatus, String> statuses = new java.util.EnumMap<>(LinkStatus.class);

        Writer(DashboardFormat format, MessageSource messages, Locale locale) {
            this.format = format;
            this.locale = locale;
            this.messages = messages;
            this.openEnded = messages.getMessage("link.openEnded", null, locale);
            for (var status : LinkStatus.values()) {
                statuses.put(status, messages.getMessage("status." + status, null, locale));
            }
        }

        LinkRow row(LinkView link) {
            var successor = link.successor();
            return new LinkRow(link.courseNumber(), link.title(), link.euu(), format.days(link.durationDays(), locale),
                    format.date(link.linkedFrom()), link.linkedTo() == null ? openEnded : format.date(link.linkedTo()),
                    link.status(), statuses.get(link.status()), format.date(link.unlinkedOn()),
                    successor == null ? null : successor.courseNumber(),
                    successor == null ? "" : messages.getMessage("link.successor",
                            new Object[] { successor.courseNumber(), successor.title() }, locale));
        }
    }
}
