package dk.amu.catalogue.serde.registry;

/** Every attempt failed before the registry answered: nothing listening, a timeout, a reset. */
public final class SchemaRegistryUnreachableException extends SchemaRegistryException {

    private final int attempts;

    public SchemaRegistryUnreachableException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
