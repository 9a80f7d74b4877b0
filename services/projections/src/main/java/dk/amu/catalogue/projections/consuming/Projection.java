package dk.amu.catalogue.projections.consuming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.FkbRevised;

/** What a batch of events changes, gathered in memory so that it is written in a few statements. */
final class Projection {

    /** The latest state of every link the batch touched. */
    final Map<LinkKey, LinkState> links = new LinkedHashMap<>();

    /** The latest row of every FKB the batch touched. */
    final Map<String, FkbRow> fkbs = new LinkedHashMap<>();

    final List<Version> versions = new ArrayList<>();

    final List<Change> changes = new ArrayList<>();

    final List<Revision> revisions = new ArrayList<>();

    /** A new document version of an FKB. */
    record Revision(CatalogueEvent event, FkbRevised payload) {
    }

    /** A new version of a link, and the event type that made it. */
    record Version(LinkState state, String changeType) {
    }

    /** One entry of the change feed: the event, and the link as it stood before and after. */
    record Change(CatalogueEvent event, String type, String courseNumber, LinkState before, LinkState after) {
    }
}
