package dk.amu.catalogue.serde.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registry's final answer to one call, after any retries.
 *
 * @param status    HTTP status
 * @param body      the parsed JSON body; a missing node when the body was empty or not JSON
 * @param errorCode the registry's {@code error_code}, or the status when it gave none
 * @param message   the registry's {@code message}, or the raw body when it gave none
 * @param attempts  how many requests it took
 */
record RegistryAnswer(int status, JsonNode body, int errorCode, String message, int attempts) {

    boolean isOk() {
        return status >= 200 && status < 300;
    }

    boolean isNotFound(int... codes) {
        if (status != 404) {
            return false;
        }
        for (var code : codes) {
            if (errorCode == code) {
                return true;
            }
        }
        return false;
    }

    /** A sentence that names what was attempted and everything the registry said. */
    String describe(String action, String baseUrl) {
        var tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        return action + ": schema registry at " + baseUrl + " answered HTTP " + status + tries
                + " (error_code " + errorCode + "): " + message;
    }

    SchemaRegistryException failure(String action, String baseUrl) {
        return new SchemaRegistryException(describe(action, baseUrl), status, errorCode);
    }
}
