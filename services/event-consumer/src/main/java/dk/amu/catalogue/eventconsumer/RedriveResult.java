package dk.amu.catalogue.eventconsumer;

import java.util.List;

/**
 * What a redrive of one dead letter did.
 *
 * @param letter    the dead letter, with its redrive time when it has one
 * @param outcome   what happened
 * @param detail    a sentence for the operator
 * @param replayed  how many events of the FKB's history were applied again
 * @param alongWith the other dead letters of the same FKB (as {@code partition/offset} in the dead-letter
 *                  topic) that the same re-application applied, and that now count as redriven too
 */
public record RedriveResult(DeadLetter letter, Outcome outcome, String detail, long replayed, List<String> alongWith) {

    public enum Outcome {
        /** Applied now, with the FKB's history. */
        REDRIVEN,
        /** Redriven before: nothing is applied twice. */
        ALREADY_REDRIVEN,
        /** Its record still cannot be decoded or applied: the cause is not fixed yet; nothing changed. */
        STILL_FAILING,
        /** The consumer has not passed its record yet (its position was not stored): it will meet it again. */
        NOT_PASSED,
        /** The service does not redrive. */
        NOT_SUPPORTED
    }

    public RedriveResult {
        alongWith = List.copyOf(alongWith);
    }

    static RedriveResult of(DeadLetter letter, Outcome outcome, String detail) {
        return new RedriveResult(letter, outcome, detail, 0, List.of());
    }
}
