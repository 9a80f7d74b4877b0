package dk.amu.catalogue.projections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dk.amu.catalogue.projections.support.ProjectionsTestConfiguration;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The projections service on a random port against the JVM's one broker, registry and PostgreSQL,
 * with a clock the test moves. One annotation, so every test class shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = { ProjectionsApplication.class, ProjectionsTestConfiguration.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ProjectionsApplication.CONFIG_NAME,
                "catalogue.projections.admin-token=" + ProjectionsTestConfiguration.ADMIN_TOKEN })
public @interface ProjectionsTest {
}
