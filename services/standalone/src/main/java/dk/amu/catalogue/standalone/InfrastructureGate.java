package dk.amu.catalogue.standalone;

import javax.sql.DataSource;

import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Holds a service's start at its first bean that talks to PostgreSQL or Kafka until that has
 * started: everything before (reading configuration, loading classes, making the other beans) runs
 * while the infrastructure starts. Every service has a {@link KafkaAdmin}, so none serves requests
 * before the broker is up; {@link SchemaRegistryGate} waits for the registry.
 */
final class InfrastructureGate implements BeanPostProcessor {

    private final Starting<EmbeddedKafkaBroker> kafka;

    private final Starting<EmbeddedDatabase> database;

    InfrastructureGate(Starting<EmbeddedKafkaBroker> kafka, Starting<EmbeddedDatabase> database) {
        this.kafka = kafka;
        this.database = database;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            database.await();
        }
        else if (bean instanceof KafkaAdmin || bean instanceof ProducerFactory<?, ?> || bean instanceof ConsumerFactory<?, ?>) {
            kafka.await();
        }
        return bean;
    }
}
