package dk.amu.catalogue.ingest.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The expiry clock, the inbox and URL polling run on schedules; the one-shot command line turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "catalogue.ingest.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
