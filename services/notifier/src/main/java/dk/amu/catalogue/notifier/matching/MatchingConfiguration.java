package dk.amu.catalogue.notifier.matching;

import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The subscription index, loaded from the database before the consumer starts; kept current with
 * the database (not with this instance's API calls), so every instance sees every subscription.
 */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    SubscriptionIndexSync subscriptionIndexSync(SubscriptionRepository subscriptions) {
        return new SubscriptionIndexSync(new SubscriptionIndex(), subscriptions);
    }

    @Bean
    SubscriptionIndex subscriptionIndex(SubscriptionIndexSync sync) {
        return sync.index();
    }
}
