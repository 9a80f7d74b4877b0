package dk.amu.catalogue.ingest.changes;

import java.time.LocalDate;

import org.apache.avro.specific.SpecificRecordBase;

/** A payload and its business date, before it gets its place in the chain. */
record EventDraft(SpecificRecordBase payload, LocalDate effectiveDate) {
}
