package dk.amu.catalogue.notifier.outbox;

/** Where a delivery stands; stored by name in {@code notifier.deliveries.status}. */
public enum DeliveryStatus {

    /** Not sent yet, or failed and waiting for its retry. */
    PENDING,

    /** Accepted by the receiver (2xx), or handed to the mail server. */
    DELIVERED,

    /** Given up after the last retry; a school may redrive it. */
    DEAD
}
