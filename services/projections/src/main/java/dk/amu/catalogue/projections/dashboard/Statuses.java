package dk.amu.catalogue.projections.dashboard;

import java.util.Arrays;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.web.BadParameterException;

/** The status filter of the link table: empty for all. */
final class Statuses {

    private Statuses() {
    }

    static LinkStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LinkStatus.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new BadParameterException("status", "status must be one of "
                    + Arrays.stream(LinkStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + ", got '"
                    + text + "'");
        }
    }
}
