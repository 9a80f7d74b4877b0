package dk.amu.catalogue.audit.system;

import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The queries and their settings, and nothing else: the command line's context. Without the web
 * stack, its auto-configuration and the Kafka templates it starts in a fraction of the service's
 * time. Not a {@code @Configuration}, so the service's component scan leaves it alone.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ValidationAutoConfiguration.class,
        CatalogueSettingsAutoConfiguration.class })
@Import(AuditConfiguration.class)
public class HeadlessAudit {

    /**
     * The queries without the web API or any other auto-configuration, for the command line and the benchmarks. The
     * settings come first in line: as default properties they would rank below audit.yml's localhost defaults.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(Map.of("spring.config.name", "audit"));
        properties.putAll(settings);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("headless-audit", properties));
        return new SpringApplicationBuilder(HeadlessAudit.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
    }
}
