package dk.amu.catalogue.notifier.outbox;

/**
 * An e-mail delivery due for sending, with what groups it into one mail: the deliveries of one
 * ingestion of one FKB make one immediate mail.
 *
 * @param ingestionId the ingestion its notice tells of; null for a notice mailed on its own
 */
public record DueMail(Due delivery, String fkbCode, String ingestionId) {
}
