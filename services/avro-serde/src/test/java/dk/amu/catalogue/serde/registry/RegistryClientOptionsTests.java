package dk.amu.catalogue.serde.registry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryClientOptionsTests {

    @Test
    void shouldDoubleTheBackoffAfterEachFailedAttemptUpToTheCap() {
        var options = RegistryClientOptions.defaults().withRetry(10, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(options.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(options.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(options.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(options.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.backoffAfter(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldDefaultToThreeQuickAttempts() {
        var defaults = RegistryClientOptions.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldRefuseFewerThanOneAttempt() {
        assertThatThrownBy(() -> RegistryClientOptions.defaults().withRetry(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void shouldEncodeSubjectsAsPathSegments() {
        assertThat(CachingSchemaRegistryClient.pathSegment("amu.catalogue.events.v1-value"))
                .isEqualTo("amu.catalogue.events.v1-value");
        assertThat(CachingSchemaRegistryClient.pathSegment("a b/c?")).isEqualTo("a%20b%2Fc%3F");
    }
}
