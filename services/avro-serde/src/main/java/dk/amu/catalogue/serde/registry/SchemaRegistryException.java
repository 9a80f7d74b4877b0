package dk.amu.catalogue.serde.registry;

/**
 * The registry refused a request or could not be reached. Carries the registry's own
 * {@code error_code} (e.g. 40403) and HTTP status when it answered, 0 when it did not.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;

    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** The HTTP status of the registry's answer; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, e.g. 40401 or 40403; 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
