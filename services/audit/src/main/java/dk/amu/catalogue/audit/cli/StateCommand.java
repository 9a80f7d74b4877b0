package dk.amu.catalogue.audit.cli;

import java.util.concurrent.Callable;

import dk.amu.catalogue.audit.queries.AuditArguments;
import dk.amu.catalogue.audit.state.StateAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "state", description = "The links of an FKB, or of all, valid on a business date as known at an instant.")
final class StateCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    Connection connection;

    @Option(names = "--fkb", paramLabel = "CODE", description = "one FKB; all when absent")
    String fkb;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the business date, e.g. 2025-06-01 (default: today in Copenhagen)")
    String asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT|DATE",
            description = "count only events recorded by then, e.g. 2025-02-01T12:00:00Z, or 2025-02-01 for 00:00 in Copenhagen (default: now)")
    String knownAt;

    StateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        var date = AuditArguments.date("--as-of", asOf);
        var moment = AuditArguments.moment("--known-at", knownAt);
        return session.ask(connection, (queries, bar) -> {
            var day = date == null ? queries.today() : date;
            var links = queries.state(fkb, day, moment, bar);
            var known = moment == null ? queries.now() : moment;
            session.clearProgress();
            var out = session.out();
            if (connection.json) {
                out.println(Tables.Json.MAPPER.writeValueAsString(new StateAnswer(fkb, day, known, links)));
            }
            else {
                out.printf("%s as of %s, as known at %s: %d links%n%n", fkb == null ? "All FKBs" : "FKB " + fkb, day, known,
                        links.size());
                Tables.state(out, links);
            }
            return AuditCommand.OK;
        });
    }
}
