package dk.amu.catalogue.eventconsumer;

/**
 * A {@link BatchHandler} could not apply one record of a batch; nothing of the batch has been
 * written yet. {@code index} counts within the list the handler was given.
 */
public class RecordFailedException extends RuntimeException {

    private final int index;

    public RecordFailedException(int index, Throwable cause) {
        super(cause.getMessage(), cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
