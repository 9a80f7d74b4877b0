package dk.amu.catalogue.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dk.amu.catalogue.audit.support.CommandRun;
import org.junit.jupiter.api.Test;

/** What a script sees when the command is wrong or Kafka is not there: exit code 2 and one line on stderr. */
class AuditCommandUsageTests {

    static final Map<String, Object> NOWHERE = Map.of("spring.kafka.bootstrap-servers", "127.0.0.1:1",
            "catalogue.audit.kafka-timeout", "2s");

    @Test
    void shouldRefuseABusinessDateThatIsNotAnIsoDate() {
        var run = CommandRun.of(NOWHERE, "state", "--as-of", "01-06-2025");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("audit: --as-of must be an ISO date, e.g. 2025-06-01; got '01-06-2025'\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRefuseAKnownAtThatIsNeitherAnInstantNorADate() {
        var run = CommandRun.of(NOWHERE, "state", "--known-at", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("audit: --known-at must be an ISO instant or date, e.g. 2025-02-01T12:00:00Z")
                .hasLineCount(1);
    }

    @Test
    void shouldRefuseAnUnknownCommandOrOption() {
        assertThat(CommandRun.of(NOWHERE, "replay").err()).startsWith("audit: unknown command 'replay'; usage: audit state");
        var run = CommandRun.of(NOWHERE, "history", "--course", "47299", "--as-of", "2025-06-01");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("audit: unknown option --as-of for history;").hasLineCount(1);
    }

    @Test
    void shouldAskForACourseOrAnFkbForAHistory() {
        var run = CommandRun.of(NOWHERE, "history");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("audit: history needs --course NUMBER or --fkb CODE (or both), e.g. --course 47299\n");
    }

    @Test
    void shouldRefuseAnExportFormatItDoesNotWrite() {
        var run = CommandRun.of(NOWHERE, "export", "--format", "xlsx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("audit: --format must be csv or jsonl, e.g. --format csv; got 'xlsx'\n");
    }

    @Test
    void shouldDescribeEachCommandAndItsOptionsOnHelpWithoutAskingKafka() {
        var run = CommandRun.of(NOWHERE, "state", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: audit state").contains("--fkb=CODE").contains("--as-of=DATE")
                .contains("--known-at=INSTANT|DATE").contains("--bootstrap-servers=HOST:PORT");
        assertThat(run.err()).isEmpty();
        var top = CommandRun.of(NOWHERE, "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("state").contains("history").contains("export").contains("verify");
    }

    @Test
    void shouldSayNoCommandWasGivenWithExitCodeTwo() {
        var run = CommandRun.of(NOWHERE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("audit: no command given; usage: audit state").hasLineCount(1);
    }

    @Test
    void shouldSayKafkaIsUnreachableInOneLineWithExitCodeTwo() {
        var run = CommandRun.of(NOWHERE, "verify");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("audit: cannot reach Kafka at 127.0.0.1:1").hasLineCount(1);
    }
}
