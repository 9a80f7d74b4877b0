package dk.amu.catalogue.serde.registry;

/** A lookup found no such subject (40401) or not this schema under it (40403). */
public final class SubjectSchemaNotRegisteredException extends SchemaRegistryException {

    private final String subject;

    public SubjectSchemaNotRegisteredException(String subject, String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
