package dk.amu.catalogue.eventlog;

import java.time.LocalDate;

import org.apache.avro.specific.SpecificRecordBase;

/** A payload and its business date, before it gets its place in the chain. */
public record EventDraft(SpecificRecordBase payload, LocalDate effectiveDate) {
}
