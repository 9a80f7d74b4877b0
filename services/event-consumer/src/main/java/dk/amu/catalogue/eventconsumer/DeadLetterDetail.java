package dk.amu.catalogue.eventconsumer;

import tools.jackson.databind.JsonNode;

/**
 * One dead letter with its content: the event decoded, as Avro's JSON encoding of it, or, when it
 * cannot be decoded, its bytes and why not.
 *
 * @param event         the decoded event, or null
 * @param base64        the record's bytes, only when they cannot be decoded
 * @param decodingError why they cannot be decoded, or null
 */
public record DeadLetterDetail(DeadLetter letter, JsonNode event, String base64, String decodingError) {
}
