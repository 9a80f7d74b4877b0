package dk.amu.catalogue.audit.replay;

import java.io.IOException;

/**
 * Receives a replay's records one by one. An {@link IOException} (the HTTP client went away) stops
 * the replay at once and closes its consumer.
 */
@FunctionalInterface
public interface RecordSink {

    void accept(RawRecord record) throws IOException;
}
