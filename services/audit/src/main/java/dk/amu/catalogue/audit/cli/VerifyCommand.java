package dk.amu.catalogue.audit.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", description = {
        "Verify the log: gapless sequences, intact hash chains, decodable records, snapshots that agree.",
        "Exit code 1 when anything was found." })
final class VerifyCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    Connection connection;

    @Option(names = "--snapshot-topic", paramLabel = "NAME", description = "the snapshots to compare with (default: amu.catalogue.snapshots.v1)")
    String snapshotTopic;

    VerifyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        connection.snapshotTopic = snapshotTopic;
        return session.ask(connection, (queries, bar) -> {
            var report = queries.verify(null, bar);
            session.clearProgress();
            if (connection.json) {
                session.out().println(Tables.Json.MAPPER.writeValueAsString(report));
            }
            else {
                Tables.verify(session.out(), report);
            }
            if (!report.passed()) {
                session.err().printf("audit: verification failed: %d findings in %s%n",
                        report.findings().size() + report.findingsNotShown(), report.topic());
                return AuditCommand.FAILED;
            }
            return AuditCommand.OK;
        });
    }
}
