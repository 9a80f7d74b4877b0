package dk.amu.catalogue.registry;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static dk.amu.catalogue.registry.CompatibilityLevel.BACKWARD;
import static dk.amu.catalogue.registry.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static dk.amu.catalogue.registry.CompatibilityLevel.FORWARD;
import static dk.amu.catalogue.registry.CompatibilityLevel.FORWARD_TRANSITIVE;
import static dk.amu.catalogue.registry.CompatibilityLevel.FULL;
import static dk.amu.catalogue.registry.CompatibilityLevel.FULL_TRANSITIVE;
import static dk.amu.catalogue.registry.CompatibilityLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityCheckerTests {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    private final List<CompatibilityChecker.Earlier> history = List.of(
            earlier(1, TestSchemas.COURSE_V1), earlier(2, TestSchemas.COURSE_WITHOUT_FIELDS));

    @Test
    void shouldAcceptAnythingWhenTheLevelIsNone() {
        assertThat(checker.check(NONE, parse(TestSchemas.COURSE_WITH_INT_NUMBER), history)).isEmpty();
    }

    @Test
    void shouldAcceptTheFirstVersionOfASubjectAtEveryLevel() {
        for (var level : CompatibilityLevel.values()) {
            assertThat(checker.check(level, parse(TestSchemas.COURSE_WITH_REQUIRED_EUU), List.of())).isEmpty();
        }
    }

    @Test
    void shouldCompareOnlyWithTheLatestVersionUnlessTransitive() {
        var candidate = parse(TestSchemas.COURSE_WITH_INT_NUMBER);

        assertThat(checker.check(BACKWARD, candidate, history)).isEmpty();
        assertThat(checker.check(BACKWARD_TRANSITIVE, candidate, history))
                .first().asString().startsWith("{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type')");
        assertThat(checker.check(FULL_TRANSITIVE, candidate, history)).isNotEmpty();
    }

    @Test
    void shouldExplainARefusalWithTheOldVersionAndTheLevel() {
        var messages = checker.check(BACKWARD, parse(TestSchemas.COURSE_WITH_REQUIRED_EUU), List.of(earlier(3, TestSchemas.COURSE_V1)));

        assertThat(messages).containsExactly(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'euu' at path '/fields/1' in the new "
                        + "schema has no default value and is missing in the old schema', additionalInfo:'euu'}",
                "{oldSchemaVersion: 3}",
                "{oldSchema: '" + parse(TestSchemas.COURSE_V1) + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldCheckForwardWithTheOldSchemaReadingNewData() {
        var old = List.of(earlier(1, TestSchemas.COURSE_WITH_TITLE));

        assertThat(checker.check(FORWARD, parse(TestSchemas.COURSE_WITH_REQUIRED_EUU), old)).isEmpty();
        assertThat(checker.check(FORWARD_TRANSITIVE, parse(TestSchemas.COURSE_WITHOUT_FIELDS), old))
                .first().asString().contains("in the old schema has no default value and is missing in the new schema");
    }

    @Test
    void shouldRequireBothDirectionsUnderFull() {
        var old = List.of(earlier(1, TestSchemas.COURSE_V1));

        assertThat(checker.check(FULL, parse(TestSchemas.COURSE_WITH_TITLE), old)).isEmpty();
        assertThat(checker.check(FULL, parse(TestSchemas.COURSE_WITH_REQUIRED_EUU), old)).isNotEmpty();
        assertThat(checker.check(FULL, parse(TestSchemas.COURSE_WITHOUT_FIELDS), old)).isNotEmpty();
    }

    @Test
    void shouldReadLevelNamesInAnyCase() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" Backward ")).contains(BACKWARD);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }

    private static CompatibilityChecker.Earlier earlier(int version, String schema) {
        return new CompatibilityChecker.Earlier(version, parse(schema));
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }
}
