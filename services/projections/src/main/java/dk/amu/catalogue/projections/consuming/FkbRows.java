package dk.amu.catalogue.projections.consuming;

import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.PayloadVisitor;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;

/** The fold of an FKB's row: a revision changes title and competences; every event moves the head. */
record FkbRows(FkbRow fkb) implements PayloadVisitor<FkbRow> {

    @Override
    public FkbRow fkbRevised(CatalogueEvent event, FkbRevised payload) {
        var competences = new ArrayList<>(fkb.competences());
        competences.removeAll(payload.getCompetencesRemoved());
        payload.getCompetencesAdded().stream().filter(c -> !competences.contains(c)).forEach(competences::add);
        return new FkbRow(fkb.code(), payload.getTitle(), List.copyOf(competences), fkb.revisions() + 1,
                fkb.events() + 1, event.getSequence(), event.getRecordedAt(), event.getRecordedAt());
    }

    @Override
    public FkbRow courseLinked(CatalogueEvent event, CourseLinked payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
        return counted(event);
    }

    @Override
    public FkbRow courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
        return counted(event);
    }

    private FkbRow counted(CatalogueEvent event) {
        return new FkbRow(fkb.code(), fkb.title(), fkb.competences(), fkb.revisions(), fkb.events() + 1,
                event.getSequence(), fkb.latestRevisionAt(), event.getRecordedAt());
    }
}
