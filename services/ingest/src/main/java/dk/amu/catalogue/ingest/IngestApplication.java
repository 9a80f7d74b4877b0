package dk.amu.catalogue.ingest;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The producer: FKB documents in, catalogue events out. Its settings live in {@code ingest.yml}
 * (not application.yml) so that the standalone process can run it beside the other services.
 *
 * <p>{@code java -jar ingest-exec.jar ingest --fkb CODE FILE...} runs the command line instead of the
 * service: the jar's main class is the launcher in the {@code cli} package, which knows both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(IngestApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "ingest"));
        app.run(args);
    }

    /**
     * The service without its web API or schedules, for the command line and the benchmarks. The
     * settings come first in line: as default properties they would rank below ingest.yml, whose
     * localhost broker and registry would win.
     */
    public static ConfigurableApplicationContext headless(Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false));
        properties.putAll(settings);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("headless-ingest", properties));
        return new SpringApplicationBuilder(IngestApplication.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
    }
}
