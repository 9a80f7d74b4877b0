package dk.amu.catalogue.notifier.system;

import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscription index, loaded from the database before the consumer starts; the API keeps it current. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    SubscriptionIndex subscriptionIndex(SubscriptionRepository subscriptions) {
        var index = new SubscriptionIndex();
        index.replaceAll(subscriptions.all());
        return index;
    }
}
