package dk.amu.catalogue.ingest.support;

import java.time.LocalDate;

import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** What {@link IngestTest} adds to the service: the kit's Kafka and registry, and a clock tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class IngestTestConfiguration {

    public static final String ADMIN_TOKEN = "s3cret";

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.at(LocalDate.of(2025, 3, 1));
    }

    @Bean
    DynamicPropertyRegistrar catalogueInfrastructure() {
        return CatalogueInfrastructure::registerKafka;
    }
}
