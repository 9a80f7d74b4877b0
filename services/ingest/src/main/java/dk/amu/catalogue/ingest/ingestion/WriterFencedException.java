package dk.amu.catalogue.ingest.ingestion;

/** Another writer of the FKB (the command line, a second instance) took over its transactional id; nothing was committed. */
class WriterFencedException extends PublishFailedException {

    WriterFencedException(String fkbCode, Throwable cause) {
        super("another writer of FKB " + fkbCode + " took over while this one was publishing; nothing was committed, "
                + "try again", cause);
    }
}
