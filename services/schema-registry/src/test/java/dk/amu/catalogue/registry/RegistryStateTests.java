package dk.amu.catalogue.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryStateTests {

    private final RegistryState state = new RegistryState();

    @Test
    void shouldHideVersionsMarkedDeletedButKeepCountingPastThem() {
        state.apply(new LogEntry.SchemaPut(new SchemaRecord("gone-value", 1, 1, "\"string\"", false)));
        state.apply(new LogEntry.SchemaPut(new SchemaRecord("gone-value", 1, 1, "\"string\"", true)));
        state.apply(new LogEntry.SchemaPut(new SchemaRecord("kept-value", 1, 2, "\"int\"", false)));

        assertThat(state.subjects()).containsExactly("kept-value");
        assertThat(state.liveVersions("gone-value")).isEmpty();
        assertThat(state.nextVersion("gone-value")).isEqualTo(2);
        assertThat(state.nextId()).isEqualTo(3);
        assertThat(state.schemaText(1)).contains("\"string\"");
    }

    @Test
    void shouldDropAVersionOnATombstone() {
        state.apply(new LogEntry.SchemaPut(new SchemaRecord("s-value", 1, 1, "\"string\"", false)));
        state.apply(new LogEntry.SchemaPut(new SchemaRecord("s-value", 2, 2, "\"int\"", false)));

        state.apply(new LogEntry.SchemaRemoved("s-value", 1));

        assertThat(state.liveVersions("s-value")).extracting(SchemaRecord::version).containsExactly(2);
    }

    @Test
    void shouldFallBackToTheGlobalLevelAndThenTheDefault() {
        state.apply(new LogEntry.ConfigPut(null, CompatibilityLevel.FULL));
        state.apply(new LogEntry.ConfigPut("s-value", CompatibilityLevel.NONE));
        assertThat(state.effectiveLevel("s-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("other-value")).isEqualTo(CompatibilityLevel.FULL);

        state.apply(new LogEntry.ConfigRemoved("s-value"));
        state.apply(new LogEntry.ConfigRemoved(null));

        assertThat(state.subjectLevel("s-value")).isEmpty();
        assertThat(state.effectiveLevel("s-value")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    }
}
