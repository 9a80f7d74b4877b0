package dk.amu.catalogue.notifier.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.matching.Texts;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import org.springframework.stereotype.Component;

/**
 * A subscription's calendar: the end dates ahead of the links in its scope, and the days its warnings
 * fall due, as iCalendar.
 */
@Component
class CalendarFeed {

    private final LinkStore links;

    private final Clock clock;

    CalendarFeed(LinkStore links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    String of(Subscription s) {
        var today = CatalogueZone.today(clock);
        var calendar = new ICalendar("AMU-kurser der udløber", clock.instant());
        var ending = inScope(s).stream().filter(l -> l.linkedTo() != null && l.unlinkedOn() == null
                && !l.linkedTo().isBefore(today)).sorted(Comparator.comparing(LinkState::linkedTo)).toList();
        for (var link : ending) {
            var what = "Kursus " + link.courseNumber() + " " + link.title();
            calendar.allDay(uid(s, link, 0), link.linkedTo(), what + " udløber",
                    what + " udløber i FKB " + link.fkbCode() + " efter " + Texts.date(link.linkedTo()) + ".");
            for (int lead : s.leadDays()) {
                var day = link.linkedTo().minusDays(lead);
                if (!day.isBefore(today)) {
                    calendar.allDay(uid(s, link, lead), day, "Advarsel: " + what + " udløber om " + lead + " dage",
                            Texts.warning(link.courseNumber(), link.title(), link.fkbCode(), link.linkedTo(), lead));
                }
            }
        }
        return calendar.end();
    }

    private List<LinkState> inScope(Subscription s) {
        var f = s.filters();
        var result = new ArrayList<LinkState>();
        for (var link : links.of(f.fkbCodes())) {
            if ((f.courseNumbers().isEmpty() || f.courseNumbers().contains(link.courseNumber()))
                    && (f.euuCodes().isEmpty() || f.euuCodes().contains(link.euu()))) {
                result.add(link);
            }
        }
        return result;
    }

    /** Calendar programs keep the UID to update an event in place: never change how it is made. */
    private static String uid(Subscription s, LinkState link, int lead) {
        return UUID.nameUUIDFromBytes((s.id() + "/" + link.fkbCode() + "/" + link.courseNumber() + "/" + link.linkedTo()
                + "/" + lead).getBytes(StandardCharsets.UTF_8)) + "@amu-catalogue";
    }
}
