package dk.amu.catalogue.postgres;

/**
 * The embedded PostgreSQL cannot start as this data directory's own server: its port answers for
 * another data directory, or another running process holds the directory. Nothing was used or changed;
 * the message says which server is in the way and how to clear it.
 */
public class DatabaseOwnershipException extends IllegalStateException {

    public DatabaseOwnershipException(String message) {
        super(message);
    }
}
