package dk.amu.catalogue.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels: which direction a new schema is checked in, and against how many versions. */
enum CompatibilityLevel {

    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    static final CompatibilityLevel DEFAULT = BACKWARD_TRANSITIVE;

    /** The new schema must read data written with the old ones. */
    final boolean backward;

    /** The old schemas must read data written with the new one. */
    final boolean forward;

    /** Checked against every version of the subject, not only the latest. */
    final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Confluent accepts the level names in any case. */
    static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
