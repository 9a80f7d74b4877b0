package dk.amu.catalogue.notifier.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dispatcher's poll and the daily warning run. Off in tests ({@code catalogue.notifier.scheduling=false}),
 * which call them directly with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "catalogue.notifier.scheduling", matchIfMissing = true)
class SchedulingConfiguration {
}
