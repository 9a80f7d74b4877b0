package dk.amu.catalogue.standalone.logging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLabelsTests {

    @BeforeAll
    static void register() {
        ServiceLabels.register("projections", 18180, List.of());
        ServiceLabels.register("ingest", 18182, List.of());
        ServiceLabels.register("notifier", 18183, List.of("webhook-"));
    }

    @Test
    void shouldLabelATomcatConnectorsThreadsWithTheServiceOnItsPort() {
        assertThat(ServiceLabels.label("http-nio-127.0.0.1-18182-exec-10", "org.springframework.web.servlet.DispatcherServlet", Map.of()))
                .isEqualTo("ingest");
        assertThat(ServiceLabels.label("http-nio-18180-Poller", "org.apache.tomcat.util.net.NioEndpoint", Map.of()))
                .isEqualTo("projections");
        assertThat(ServiceLabels.label("http-nio-127.0.0.1-18999-exec-1", "org.apache.catalina.core.ContainerBase", Map.of()))
                .as("a port no service has").isEqualTo(ServiceLabels.INFRASTRUCTURE);
    }

    @Test
    void shouldLabelThreadsThatStartWithAServicesNameOrOneOfItsPrefixes() {
        assertThat(ServiceLabels.label("projections-events-0-C-1", "dk.amu.catalogue.eventconsumer.SeekToStoredPositions", Map.of()))
                .isEqualTo("projections");
        assertThat(ServiceLabels.label("notifier-db housekeeper", "com.zaxxer.hikari.pool.HikariPool", Map.of()))
                .isEqualTo("notifier");
        assertThat(ServiceLabels.label("webhook-sender", "org.springframework.jdbc.core.JdbcTemplate", Map.of()))
                .isEqualTo("notifier");
        assertThat(ServiceLabels.label("ingest-start", "org.springframework.boot.tomcat.TomcatWebServer", Map.of()))
                .isEqualTo("ingest");
    }

    @Test
    void shouldLabelAServicesOwnCodeWhateverThreadItRunsOn() {
        assertThat(ServiceLabels.label("kafka-producer-network-thread | producer-1", "dk.amu.catalogue.ingest.ingestion.IngestionService", Map.of()))
                .isEqualTo("ingest");
    }

    @Test
    void shouldLabelTheBrokerTheRegistryAndTheKafkaClientsAsInfrastructure() {
        assertThat(ServiceLabels.label("quorum-controller-1-event-handler", "org.apache.kafka.controller.QuorumController", Map.of()))
                .isEqualTo(ServiceLabels.INFRASTRUCTURE);
        assertThat(ServiceLabels.label("main", "dk.amu.catalogue.registry.EmbeddedSchemaRegistry", Map.of()))
                .isEqualTo(ServiceLabels.INFRASTRUCTURE);
        assertThat(ServiceLabels.label("kafka-coordinator-heartbeat-thread | amu-catalogue-projections",
                "org.apache.kafka.clients.consumer.internals.AbstractCoordinator", Map.of()))
                .isEqualTo(ServiceLabels.INFRASTRUCTURE);
    }

    @Test
    void shouldLetTheMdcNameTheServiceOnASharedThread() {
        assertThat(ServiceLabels.label("ForkJoinPool.commonPool-worker-1", "org.springframework.web.client.RestClient",
                Map.of(ServiceLabels.MDC_KEY, "audit"))).isEqualTo("audit");
    }
}
