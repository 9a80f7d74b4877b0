package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as webhooks carry it and the feeds list it.
 *
 * @param id     the notice's id: the catalogue event's id, or the warning's or summary's own
 * @param source the FKB the notice is about
 * @param type   {@code dk.amu.catalogue.<Type>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, Data data) {

    public static final String TYPE_PREFIX = "dk.amu.catalogue.";

    public static CloudEvent of(String id, String type, String subject, Instant time, Data data) {
        return from("/amu-catalogue/fkbs/" + data.fkbCode(), id, type, subject, time, data);
    }

    /** An event about no FKB, such as a test message: its source says where it comes from instead. */
    public static CloudEvent from(String source, String id, String type, String subject, Instant time, Data data) {
        return new CloudEvent("1.0", id, source, TYPE_PREFIX + type, subject, time, "application/json", data);
    }

    /**
     * What the notice says; {@code text} is one Danish sentence a person can read.
     *
     * @param eventId the catalogue event behind it; null for a warning, which no event caused
     * @param courses the number of courses a first-ingestion summary covers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String eventId, String fkbCode, String courseNumber, String title, LocalDate effectiveDate,
            LocalDate linkedFrom, LocalDate linkedTo, Integer leadDays, Integer courses, Successor successor, String text) {
    }

    public record Successor(String courseNumber, String title) {
    }
}
