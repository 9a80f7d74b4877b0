package dk.amu.catalogue.audit.export;

import dk.amu.catalogue.audit.replay.RawRecord;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;

final class ExportRows {

    private ExportRows() {
    }

    static ExportRow of(RawRecord record, CatalogueEvent event) {
        var source = event.getSource();
        var fields = Payloads.dispatch(event, PayloadFields.OF);
        CourseDetails before = fields.before();
        CourseDetails after = fields.after();
        var successor = fields.successor();
        return new ExportRow(record.partition(), record.offset(), event.getEventId(), event.getFkbCode(),
                event.getSequence(), event.getPreviousHash(), event.getHash(), event.getRecordedAt(),
                event.getEffectiveDate(), source.getDocumentSha256(), source.getDocumentName(), source.getIngestionId(),
                Payloads.typeOf(event), Payloads.courseNumberOf(event),
                fields.title(), fields.previousTitle(), fields.euu(), fields.durationDays(), fields.linkedFrom(),
                fields.linkedTo(), fields.previousLinkedFrom(), fields.previousLinkedTo(),
                before == null ? null : before.getTitle(), before == null ? null : before.getEuu(),
                before == null ? null : before.getDurationDays(),
                after == null ? null : after.getTitle(), after == null ? null : after.getEuu(),
                after == null ? null : after.getDurationDays(),
                fields.competencesAdded(), fields.competencesRemoved(),
                successor == null ? null : successor.getCourseNumber(), successor == null ? null : successor.getTitle(),
                successor == null ? null : successor.getSimilarity());
    }
}
