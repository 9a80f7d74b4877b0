package dk.amu.catalogue.notifier.system;

/** A request the caller can fix; the message says how. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
