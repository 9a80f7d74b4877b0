package dk.amu.catalogue.audit.replay;

/** Kafka did not answer in time, or the topic to replay does not exist. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
