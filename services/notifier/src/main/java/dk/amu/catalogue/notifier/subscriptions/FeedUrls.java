package dk.amu.catalogue.notifier.subscriptions;

import java.net.URI;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;

/**
 * Where a subscription's feeds are, as a school copies them into its calendar or feed reader: under
 * the public URL, since the service may sit behind a proxy. The API's answer and the portal's page
 * show the same addresses.
 */
@Component
public class FeedUrls {

    private final NotifierProperties properties;

    FeedUrls(NotifierProperties properties) {
        this.properties = properties;
    }

    public URI calendar(Subscription subscription) {
        return URI.create(base() + "/feeds/" + subscription.feedToken() + "/calendar.ics");
    }

    public URI atom(Subscription subscription) {
        return URI.create(base() + "/feeds/" + subscription.feedToken() + "/atom.xml");
    }

    private String base() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }
}
