package dk.amu.catalogue.ingest;

import dk.amu.catalogue.compose.ComposeStack;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.testkit.FixtureDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest service against the images docker-compose.yml runs: Kafka from the official
 * apache/kafka image and Confluent's own Schema Registry, so the project's serde and registry
 * client are checked against the real thing. Ingest creates the topics itself. Skipped, in one line
 * saying why, where no Docker engine runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false", "catalogue.ingest.admin-token=compose",
                "catalogue.ingest.auto-register-schemas=true" })
class ComposeImagesIT {

    @RegisterExtension
    static final ComposeStack compose = ComposeStack.kafkaAndRegistry();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        compose.register(properties);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldPublishEventsThatConfluentsRegistryDescribes() {
        var response = new UploadClient(port, "compose").upload("viden", "viden.txt", FixtureDocuments.bytes(FixtureDocuments.viden()));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        var events = new SettledLog(compose.bootstrapServers(), compose.registryUrl()).events("viden");
        assertThat(events).hasSize(response.body().get("events").size());
        assertThat(events.get(0).type()).isEqualTo("FkbRevised");
        assertThat(events).filteredOn(event -> event.type().equals("CourseLinked")).hasSize(94);
    }
}
