package dk.amu.catalogue.audit.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer to "which links, on this date, as known then": the question with it, so the answer stands alone. */
public record StateAnswer(String fkbCode, LocalDate asOf, Instant knownAt, List<LinkView> links) {
}
