package dk.amu.catalogue.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.state.LinkView;
import dk.amu.catalogue.audit.system.HeadlessAudit;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit, which reads only the log, and the projections API, which reads only its database,
 * give the same answers to the same questions over a generated history of many FKBs and
 * revisions: the links of each FKB on several business dates, as known at several moments.
 */
@ExtendWith(CatalogueInfrastructure.class)
class AuditProjectionsAgreementTests {

    static final Instant START = Instant.parse("2024-01-01T08:00:00Z");

    static final int FKBS = 6;

    static final int EVENTS = 3_000;

    static ConfigurableApplicationContext projections;

    static ConfigurableApplicationContext audit;

    static final HttpClient http = HttpClient.newHttpClient();

    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void writeAHistoryAndLetBothReadIt() {
        var running = CatalogueInfrastructure.running();
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new SyntheticCatalogue(42, FKBS, EVENTS, START), 250);
        }
        var database = running.database();
        // as arguments, so they rank above each service's own yml
        projections = new SpringApplicationBuilder(ProjectionsApplication.class)
                .properties("spring.config.name=projections")
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.kafka.bootstrap-servers=" + running.bootstrapServers(),
                        "--catalogue.registry-url=" + running.registryUrl(),
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password());
        audit = new SpringApplicationBuilder(HeadlessAudit.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=audit")
                .run("--spring.kafka.bootstrap-servers=" + running.bootstrapServers(),
                        "--catalogue.registry-url=" + running.registryUrl());
        ConsumerGroups.awaitCaughtUp(running.bootstrapServers(), CatalogueTopics.consumerGroup("projections"),
                CatalogueTopics.EVENTS, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (projections != null) {
            projections.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    void shouldListTheSameLinksOfEveryFkbOnEveryDateAsKnownAtEveryMoment() throws Exception {
        var queries = audit.getBean(AuditQueries.class);
        var moments = List.of(START.plus(Duration.ofDays(1)), START.plus(Duration.ofMinutes(EVENTS / 2)),
                START.plus(Duration.ofDays(3650)));
        var dates = List.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 4, 1),
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 1));
        int compared = 0;
        for (int i = 0; i < FKBS; i++) {
            String fkb = String.format("synthetic-%04d", i);
            for (var knownAt : moments) {
                for (var asOf : dates) {
                    Set<String> fromAudit = queries.state(fkb, asOf, knownAt).stream()
                            .map(AuditProjectionsAgreementTests::line).collect(Collectors.toCollection(TreeSet::new));
                    Set<String> fromProjections = projectionLinks(fkb, asOf, knownAt);

                    assertThat(fromProjections).as("%s on %s as known at %s", fkb, asOf, knownAt)
                            .isEqualTo(fromAudit);
                    compared += fromAudit.size();
                }
            }
        }
        assertThat(compared).as("links compared").isGreaterThan(1_000);
    }

    private static Set<String> projectionLinks(String fkb, LocalDate asOf, Instant knownAt) throws Exception {
        var lines = new TreeSet<String>();
        String url = base() + "/api/fkbs/" + fkb + "/links?asOf=" + asOf + "&knownAt=" + knownAt + "&size=500";
        while (url != null) {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            for (JsonNode item : page.get("items")) {
                lines.add(line(item));
            }
            url = page.get("next").isNull() ? null : page.get("next").asText();
        }
        return lines;
    }

    private static String line(LinkView link) {
        var successor = link.successor() == null ? "-" : link.successor().courseNumber() + " " + link.successor().title();
        return String.join(" | ", link.courseNumber(), link.title(), link.euu(), plain(link.durationDays()),
                String.valueOf(link.linkedFrom()), String.valueOf(link.linkedTo()), link.status().name(), successor);
    }

    private static String line(JsonNode link) {
        var successor = link.get("successor").isNull() ? "-"
                : link.get("successor").get("courseNumber").asText() + " " + link.get("successor").get("title").asText();
        return String.join(" | ", link.get("courseNumber").asText(), link.get("title").asText(), link.get("euu").asText(),
                plain(link.get("durationDays").decimalValue()), text(link.get("linkedFrom")), text(link.get("linkedTo")),
                link.get("status").asText(), successor);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asText();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String base() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) projections).getWebServer().getPort();
    }

}
