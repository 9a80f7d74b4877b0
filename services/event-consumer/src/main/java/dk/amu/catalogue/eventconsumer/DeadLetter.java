package dk.amu.catalogue.eventconsumer;

import java.time.Instant;

/**
 * One record of a service's {@code <service>.dead-letters}, as an operator sees it: where it lies in the
 * dead-letter topic, where it came from, why it could not be decoded or applied, and whether it has been
 * redriven.
 *
 * @param partition       its partition in the dead-letter topic
 * @param offset          its offset there
 * @param originTopic     the topic the record was read from
 * @param originPartition its partition there
 * @param originOffset    its offset there
 * @param fkbCode         the record's key: the FKB whose event it is
 * @param cause           the class of the exception that parked it (its root cause where Spring gives one)
 * @param message         that exception's message
 * @param timestamp       the record's timestamp (the dead-letter publisher keeps the original's)
 * @param redrivenAt      when it was redriven, or null
 */
public record DeadLetter(int partition, long offset, String originTopic, int originPartition, long originOffset,
        String fkbCode, String cause, String message, Instant timestamp, Instant redrivenAt) {

    public boolean redriven() {
        return redrivenAt != null;
    }

    DeadLetter redrivenAt(Instant at) {
        return new DeadLetter(partition, offset, originTopic, originPartition, originOffset, fkbCode, cause, message,
                timestamp, at);
    }
}
