package dk.amu.catalogue.notifier.schools;

import java.util.UUID;

/** An AMU provider with an account here. */
public record School(UUID id, String name, String email) {
}
