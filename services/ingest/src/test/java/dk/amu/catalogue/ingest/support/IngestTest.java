package dk.amu.catalogue.ingest.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ingest service on the test JVM's broker and registry, with a movable clock: every class so
 * annotated shares one Spring context. A class sets the clock to its own date before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = { IngestApplication.class, IngestTestConfiguration.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false",
                "catalogue.ingest.auto-register-schemas=true",
                "catalogue.ingest.admin-token=" + IngestTestConfiguration.ADMIN_TOKEN })
public @interface IngestTest {
}
