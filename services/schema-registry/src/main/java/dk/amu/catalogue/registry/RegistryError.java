package dk.amu.catalogue.registry;

/**
 * An error the REST API answers with: the HTTP status and Confluent's {@code error_code} and message, so
 * clients written against Confluent Schema Registry react to it the same way.
 */
final class RegistryError extends RuntimeException {

    private final int status;

    private final int errorCode;

    private RegistryError(int status, int errorCode, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.status = status;
        this.errorCode = errorCode;
    }

    private RegistryError(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(int version) {
        return new RegistryError(404, 40402, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound(int id) {
        return new RegistryError(404, 40403, "Schema " + id + " not found");
    }

    static RegistryError schemaNotFound() {
        return new RegistryError(404, 40403, "Schema not found");
    }

    static RegistryError subjectCompatibilityNotConfigured(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String subject, String details) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + details);
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryError invalidSchemaType(String schemaType) {
        return new RegistryError(422, 42201, "Invalid schema type " + schemaType);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel() {
        return new RegistryError(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, "
                + "backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryError malformedJson(String detail) {
        return new RegistryError(400, 400, "Malformed JSON request body: " + detail);
    }

    static RegistryError unprocessable(String detail) {
        return new RegistryError(422, 422, detail);
    }

    static RegistryError notFound() {
        return new RegistryError(404, 404, "HTTP 404 Not Found");
    }

    static RegistryError methodNotAllowed() {
        return new RegistryError(405, 405, "HTTP 405 Method Not Allowed");
    }

    static RegistryError unsupportedMediaType() {
        return new RegistryError(415, 415, "HTTP 415 Unsupported Media Type");
    }

    static RegistryError storeError(String message, Throwable cause) {
        return new RegistryError(500, 50001, message, cause);
    }
}
