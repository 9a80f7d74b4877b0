package dk.amu.catalogue.standalone.deadletters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
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
        var key = "cli-poison-" + UUID.randomUUID().toString().substring(0, 8);
        var poison = ("not Avro " + key).getBytes(StandardCharsets.UTF_8);
        try (var writer = EventLogWriter.forRunning()) {
            writer.writePoison(CatalogueTopics.EVENTS, key, poison);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> run(TOKEN, "list", "--service", "projections", "--url", url)
                .out().contains(key));

        var list = run(TOKEN, "list", "--service", "projections", "--url", url, "--limit", "500");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).startsWith("PLACE").contains("UnknownMagicByteException", CatalogueTopics.EVENTS + "-");
        var line = list.out().lines().filter(l -> l.contains(key)).findFirst().orElseThrow();
        var place = line.split("\\s+")[0];

        var show = run(TOKEN, "show", place, "--service", "projections", "--url", url);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("fkb:        " + key, "base64:      " + Base64.getEncoder().encodeToString(poison));

        var redrive = run(TOKEN, "redrive", place, "--service", "projections", "--url", url);
        assertThat(redrive.exit()).isEqualTo(1);
        assertThat(redrive.err().lines()).singleElement().asString().contains("still cannot be decoded", "HTTP 409");
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
