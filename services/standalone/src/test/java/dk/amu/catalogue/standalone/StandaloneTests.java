package dk.amu.catalogue.standalone;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-process runtime: the broker, the registry, the topics and the samples, kept across a restart. */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneTests {

    @TempDir
    Path data;

    @Test
    void shouldServeKafkaTheRegistryAndTheSamplesAndKeepThemAcrossARestart(CapturedOutput output) throws Exception {
        var args = arguments();
        String subjectsBefore;
        String eventSchemaBefore;
        long logEndBefore;
        try (var running = StandaloneApplication.start(args)) {
            var bootstrap = "127.0.0.1:" + port(args, "kafka.port");
            var registry = "http://127.0.0.1:" + port(args, "ports.registry");
            assertTopicPolicies(bootstrap);
            subjectsBefore = get(registry + "/subjects");
            assertThat(subjectsBefore).contains("amu.catalogue.events.v1-value", "amu.catalogue.snapshots.v1-value");
            eventSchemaBefore = get(registry + "/subjects/amu.catalogue.events.v1-value/versions/latest");
            logEndBefore = eventsLogEnd(bootstrap);
            assertThat(logEndBefore).as("the two samples were ingested on the first start").isGreaterThan(200);
            // ingest's first request: Tomcat's and Spring's lines on ingest's request thread
            get("http://127.0.0.1:" + port(args, "ports.ingest") + "/api/fkbs");
            assertEachLineNamesItsService(output, args);
        }

        try (var restarted = StandaloneApplication.start(args)) {
            var bootstrap = "127.0.0.1:" + port(args, "kafka.port");
            var registry = "http://127.0.0.1:" + port(args, "ports.registry");
            assertThat(get(registry + "/subjects")).isEqualTo(subjectsBefore);
            assertThat(get(registry + "/subjects/amu.catalogue.events.v1-value/versions/latest")).isEqualTo(eventSchemaBefore);
            assertThat(eventsLogEnd(bootstrap)).as("no samples again, nothing lost").isEqualTo(logEndBefore);
        }
    }

    /** Logback is set up once for every service: each line still says which one it is from. */
    private static void assertEachLineNamesItsService(CapturedOutput output, String[] args) {
        var lines = output.getOut().lines().toList();
        assertThat(lines).as("the broker").anyMatch(line -> line.contains("[infrastructure]")
                && line.contains("Kafka broker (KRaft) ready on"));
        assertThat(lines).as("the registry").anyMatch(line -> line.contains("[infrastructure]")
                && line.contains("Schema registry serving"));
        for (var service : List.of("projections", "ingest", "notifier", "audit")) {
            assertThat(lines).as("%s's Tomcat, started on its own thread", service).anyMatch(line -> line.contains("[" + service + "]")
                    && line.contains("Tomcat started on port " + port(args, "ports." + service)));
        }
        for (var consumer : List.of("projections", "notifier")) {
            assertThat(lines).as("%s's listener container thread, in a library shared by both", consumer)
                    .anyMatch(line -> line.contains("[" + consumer + "]") && line.contains("Assigned [amu.catalogue.events.v1-"));
        }
        assertThat(lines).as("ingest's first request, on its connector's thread")
                .anyMatch(line -> line.contains("[ingest]") && line.contains("Initializing Spring DispatcherServlet"));
        assertThat(lines).as("ingest's own code").filteredOn(line -> line.contains("d.a.c.ingest.") || line.contains("d.a.catalogue.ingest."))
                .isNotEmpty().allMatch(line -> line.contains("[ingest]"));
    }

    private String[] arguments() throws Exception {
        return new String[] {
                "--catalogue.standalone.data-directory=" + data,
                "--catalogue.standalone.kafka.port=" + freePort(),
                "--catalogue.standalone.kafka.controller-port=" + freePort(),
                "--catalogue.standalone.ports.registry=" + freePort(),
                "--catalogue.standalone.ports.ingest=" + freePort(),
                "--catalogue.standalone.ports.projections=" + freePort(),
                "--catalogue.standalone.ports.audit=" + freePort(),
                "--catalogue.standalone.ports.notifier=" + freePort(),
                "--catalogue.standalone.ports.postgres=" + freePort(),
                "--catalogue.ingest.admin-token=test-token" };
    }

    private static void assertTopicPolicies(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var topics = admin.describeTopics(Set.of("amu.catalogue.events.v1", "amu.catalogue.snapshots.v1")).allTopicNames().get();
            assertThat(topics.get("amu.catalogue.events.v1").partitions()).hasSize(6);
            var events = new ConfigResource(ConfigResource.Type.TOPIC, "amu.catalogue.events.v1");
            var snapshots = new ConfigResource(ConfigResource.Type.TOPIC, "amu.catalogue.snapshots.v1");
            var configs = admin.describeConfigs(List.of(events, snapshots)).all().get();
            assertThat(configs.get(events).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(events).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(snapshots).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    /** The summed log-end offsets of the events topic: records plus transaction markers, so any write moves it. */
    private static long eventsLogEnd(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(Set.of("amu.catalogue.events.v1")).allTopicNames().get()
                    .get("amu.catalogue.events.v1").partitions().stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition("amu.catalogue.events.v1", p.partition()))
                    .collect(java.util.stream.Collectors.toMap(p -> p,
                            p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static String get(String url) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static String port(String[] args, String name) {
        for (var arg : args) {
            if (arg.startsWith("--catalogue.standalone." + name + "=")) {
                return arg.substring(arg.indexOf('=') + 1);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
