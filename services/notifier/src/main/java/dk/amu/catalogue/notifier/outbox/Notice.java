package dk.amu.catalogue.notifier.outbox;

import java.time.LocalDate;

/**
 * One thing to tell the subscriptions it reaches: a catalogue event, a warning, a summary. The
 * notice id is the idempotency key: a subscription is told a notice once, whatever replays.
 *
 * @param linkedTo    and {@code leadDays}: set for warnings, so a withdrawn end date finds who was warned
 * @param ingestionId the document ingestion whose events the notice tells of, so an immediate e-mail tells
 *                    the whole ingestion at once; null for a notice no ingestion caused (a warning, an expiry)
 */
public record Notice(String noticeId, String type, Subject subject, LocalDate linkedTo, Integer leadDays,
        CloudEvent event, String ingestionId) {

    public static final String EXPIRY_WARNING = "CourseLinkExpiryWarning";

    public static final String WARNING_WITHDRAWN = "ExpiryWarningWithdrawn";

    public static final String FKB_TRACKED = "FkbTracked";

    /** A notice of no ingestion: mailed on its own. */
    public Notice(String noticeId, String type, Subject subject, LocalDate linkedTo, Integer leadDays, CloudEvent event) {
        this(noticeId, type, subject, linkedTo, leadDays, event, null);
    }
}
