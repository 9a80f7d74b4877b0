package dk.amu.catalogue.standalone.deadletters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dead-letters command line against a running projections service: its tables, its one-line failures, its exit codes. */
@ExtendWith(CatalogueInfrastructure.class)
class DeadLettersCommandTests {

    static final String TOKEN = "cli-admin-token";

    static ConfigurableApplicationContext projections;

    static String url;

    @BeforeAll
    static void startProjections() {
        var running = CatalogueInfrastructure.running();
        var database = running.database();
        projections = new SpringApplicationBuilder(ProjectionsApplication.class)
                .properties("spring.config.name=projections")
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.kafka.bootstrap-servers=" + running.bootstrapServers(),
                        "--catalogue.registry-url=" + running.registryUrl(),
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--catalogue.projections.admin-token=" + TOKEN);
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) projections).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    record Run(int exit, String out, String err) {
    }

    @Test
    void shouldListAndShowAParkedRecordAndSayInOneLineWhyItCannotBeRedriven() {
        // decodable, so the other tests of this JVM still read the whole log; never applicable: no such link
        var key = "cli-orphan-" + UUID.randomUUID().toString().substring(0, 8);
        try (var writer = EventLogWriter.forRunning()) {
            writer.append(key, Instant.parse("2025-01-01T10:00:00Z"), new EventDraft(
                    new CourseLinkEndWithdrawn("99997", "Ukendt kursus", LocalDate.of(2025, 6, 30)), LocalDate.of(2025, 1, 1)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> run(TOKEN, "list", "--service", "projections", "--url", url,
                "--limit", "500").out().contains(key));

        var list = run(TOKEN, "list", "--service", "projections", "--url", url, "--limit", "500");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).startsWith("PLACE");
        var line = list.out().lines().filter(l -> l.contains(key)).findFirst().orElseThrow();
        assertThat(line).contains(CatalogueTopics.EVENTS + "-").contains("99997");
        var place = line.split("\\s+")[0];

        var show = run(TOKEN, "show", place, "--service", "projections", "--url", url);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("fkb:        " + key, "event:", "CourseLinkEndWithdrawn", "99997");

        var redrive = run(TOKEN, "redrive", place, "--service", "projections", "--url", url);
        assertThat(redrive.exit()).isEqualTo(1);
        assertThat(redrive.err().lines()).singleElement().asString().contains("still cannot be applied", "HTTP 409");
        assertThat(redrive.out()).isEmpty();
    }

    @Test
    void shouldExitWith2OnBadUsageAnd1OnFailureWithOneLineOnStderr() {
        assertOneLine(run(null, "list", "--service", "projections", "--url", url), 2, "CATALOGUE_ADMIN_TOKEN");
        assertOneLine(run(TOKEN, "list", "--url", url), 2, "--service");
        assertOneLine(run(TOKEN, "list", "--service", "audit", "--url", url), 2, "audit");
        assertOneLine(run(TOKEN, "show", "0-17", "--service", "projections", "--url", url), 2, "partition/offset");
        assertOneLine(run(TOKEN, "redrive", "--service", "projections", "--url", url), 2, "--all");
        assertOneLine(run(TOKEN), 2, "list, show or redrive");
        assertOneLine(run("wrong", "list", "--service", "projections", "--url", url), 1, "not valid");
        assertOneLine(run(TOKEN, "show", "0/999999999", "--service", "projections", "--url", url), 1, "HTTP 404");
        assertOneLine(run(TOKEN, "list", "--service", "projections", "--url", "http://127.0.0.1:1"), 1, "cannot reach");
        assertThat(run(TOKEN, "redrive", "--all", "--service", "projections", "--url", url).out()).startsWith("PLACE");
    }

    private static void assertOneLine(Run run, int exit, String says) {
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        assertThat(run.err().lines()).singleElement().asString().startsWith("dead-letters: ").contains(says)
                .doesNotContain(TOKEN);
    }

    private static Run run(String token, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var environment = new HashMap<String, String>();
        if (token != null) {
            environment.put(DeadLettersCommand.TOKEN, token);
        }
        int exit = DeadLettersCommand.run(args, Map.copyOf(environment), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
