package dk.amu.catalogue.audit.system;

import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The queries and their settings, and nothing else: the command line's context. Without the web
 * stack, its auto-configuration and the Kafka templates it starts in a fraction of the service's
 * time. Not a {@code @Configuration}, so the service's component scan leaves it alone.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ValidationAutoConfiguration.class,
        CatalogueSettingsAutoConfiguration.class })
@Import(AuditConfiguration.class)
public class HeadlessAudit {
}
