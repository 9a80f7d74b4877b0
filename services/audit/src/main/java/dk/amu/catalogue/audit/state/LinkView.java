package dk.amu.catalogue.audit.state;

import java.math.BigDecimal;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStatus;

/**
 * One course link of one FKB as the audit answers for a business date and a moment of knowledge:
 * the fields and statuses of the projections API, so the two can be compared line by line.
 */
public record LinkView(String fkbCode, String courseNumber, String title, String euu, BigDecimal durationDays,
        LocalDate linkedFrom, LocalDate linkedTo, LinkStatus status, LinkState.Successor successor) {

    static LinkView of(LinkState link, LocalDate asOf) {
        return new LinkView(link.fkbCode(), link.courseNumber(), link.title(), link.euu(), link.durationDays(),
                link.linkedFrom(), link.linkedTo(), link.statusOn(asOf), link.successor());
    }
}
