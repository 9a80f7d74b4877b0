package dk.amu.catalogue.ingest.scheduling;

import java.time.Duration;

import dk.amu.catalogue.ingest.expiry.ExpiryClock;
import dk.amu.catalogue.ingest.inbox.InboxWatcher;
import dk.amu.catalogue.ingest.polling.DocumentPoller;
import dk.amu.catalogue.ingest.system.IngestProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The expiry clock, the inbox and URL polling run on schedules taken from {@link IngestProperties},
 * so their intervals are validated in one place. The one-shot command line turns them off
 * ({@code catalogue.ingest.scheduling=false}).
 *
 * <p>Its own package, above the features it starts: {@code system} sits below them all (they read
 * its properties), so the schedules cannot live there without a cycle.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "catalogue.ingest.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration implements SchedulingConfigurer {

    private final IngestProperties properties;

    private final ExpiryClock expiryClock;

    private final ObjectProvider<InboxWatcher> inbox;

    private final DocumentPoller poller;

    SchedulingConfiguration(IngestProperties properties, ExpiryClock expiryClock, ObjectProvider<InboxWatcher> inbox,
            DocumentPoller poller) {
        this.properties = properties;
        this.expiryClock = expiryClock;
        this.inbox = inbox;
        this.poller = poller;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // the expiry clock looks at once, so start-up catches up on what passed while the service was down
        tasks.addFixedDelayTask(new FixedDelayTask(expiryClock::tick, properties.expiryCheckInterval(), Duration.ZERO));
        inbox.ifAvailable(watcher -> tasks.addFixedDelayTask(new FixedDelayTask(watcher::scan,
                properties.inbox().pollInterval(), properties.inbox().pollInterval())));
        if (!properties.polling().sources().isEmpty()) {
            tasks.addFixedDelayTask(new FixedDelayTask(poller::pollDue, properties.polling().tick(), Duration.ZERO));
        }
    }
}
