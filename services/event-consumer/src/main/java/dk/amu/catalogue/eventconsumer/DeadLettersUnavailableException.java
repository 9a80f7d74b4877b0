package dk.amu.catalogue.eventconsumer;

/** Kafka could not be read for a dead-letter view or a redrive; nothing changed. A web layer answers 503. */
public class DeadLettersUnavailableException extends RuntimeException {

    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
