package dk.amu.catalogue.notifier.outbox;

import java.util.Set;

/**
 * What a notice is about, as filters see it. An FKB-level notice has no courses and reaches only
 * subscriptions without a course or EUU filter; a summary names every course it covers.
 */
public record Subject(String fkbCode, Set<String> courseNumbers, Set<String> euuCodes, String type) {

    public static Subject of(String fkbCode, String courseNumber, String euu, String type) {
        return new Subject(fkbCode, courseNumber == null ? Set.of() : Set.of(courseNumber),
                euu == null ? Set.of() : Set.of(euu), type);
    }
}
