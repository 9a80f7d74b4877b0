package dk.amu.catalogue.projections.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The lag gauge refreshes on a schedule, so Prometheus reads a number without asking Kafka each time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
