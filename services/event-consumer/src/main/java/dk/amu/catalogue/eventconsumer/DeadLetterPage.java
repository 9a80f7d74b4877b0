package dk.amu.catalogue.eventconsumer;

import java.util.List;

/**
 * A page of a service's dead letters, oldest first.
 *
 * @param topic   the dead-letter topic
 * @param letters up to the page's size from each partition
 * @param next    the offset to ask for the next page from, or null at the end
 */
public record DeadLetterPage(String topic, List<DeadLetter> letters, Long next) {

    public DeadLetterPage {
        letters = List.copyOf(letters);
    }
}
