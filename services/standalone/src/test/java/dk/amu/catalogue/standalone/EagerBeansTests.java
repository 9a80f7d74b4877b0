package dk.amu.catalogue.standalone;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class EagerBeansTests {

    private final EagerBeans eager = new EagerBeans();

    @Test
    void shouldKeepListenersAndBeansThatActAtStartEager() {
        assertThat(eager.isExcluded("listener", new RootBeanDefinition(), Listener.class)).as("a @KafkaListener bean").isTrue();
        assertThat(eager.isExcluded("kafkaAdmin", new RootBeanDefinition(), KafkaAdmin.class))
                .as("creates the dead-letter topics once every bean is made").isTrue();
        assertThat(eager.isExcluded("registry", new RootBeanDefinition(), KafkaListenerEndpointRegistry.class))
                .as("a lifecycle").isTrue();
    }

    @Test
    void shouldLeaveOtherBeansLazy() {
        assertThat(eager.isExcluded("plain", new RootBeanDefinition(), Plain.class)).isFalse();
        assertThat(eager.isExcluded("unknown", new RootBeanDefinition(), null)).isFalse();
    }

    static class Listener {

        @KafkaListener(topics = "t")
        void on(List<String> records) {
        }
    }

    static class Plain {
    }
}
