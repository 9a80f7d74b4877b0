package dk.amu.catalogue.projections.support;

import java.time.LocalDate;

import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** What every projections test adds to the service: the infrastructure's addresses and a clock tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class ProjectionsTestConfiguration {

    public static final String ADMIN_TOKEN = "s3cret";

    @Bean
    DynamicPropertyRegistrar catalogueInfrastructure() {
        return CatalogueInfrastructure::register;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.at(LocalDate.of(2025, 3, 1));
    }
}
