package dk.amu.catalogue.eventlog;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;

/**
 * One method per payload type of {@link CatalogueEvent}: a new payload type in the schema adds a
 * method here, and the compiler then names every consumer that has not handled it yet.
 * Dispatch with {@link Payloads#dispatch}.
 */
public interface PayloadVisitor<R> {

    R fkbRevised(CatalogueEvent event, FkbRevised payload);

    R courseLinked(CatalogueEvent event, CourseLinked payload);

    R courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload);

    R courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload);

    R courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload);

    R courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload);

    R courseUnlinked(CatalogueEvent event, CourseUnlinked payload);

    R courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload);
}
