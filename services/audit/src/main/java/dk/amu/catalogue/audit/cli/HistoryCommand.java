package dk.amu.catalogue.audit.cli;

import java.util.concurrent.Callable;

import dk.amu.catalogue.audit.queries.AuditArguments.BadArgumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Every event of a course (in every FKB or one) or of an FKB, in the order recorded.")
final class HistoryCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    Connection connection;

    @Option(names = "--course", paramLabel = "NUMBER", description = "a course number, e.g. 47299")
    String course;

    @Option(names = "--fkb", paramLabel = "CODE", description = "an FKB code")
    String fkb;

    HistoryCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        if (course == null && fkb == null) {
            throw new BadArgumentException("history needs --course NUMBER or --fkb CODE (or both), e.g. --course 47299");
        }
        return session.ask(connection, (queries, bar) -> {
            var entries = queries.history(course, fkb, bar);
            session.clearProgress();
            if (connection.json) {
                session.out().println(Tables.Json.MAPPER.writeValueAsString(entries));
            }
            else {
                Tables.history(session.out(), entries);
            }
            return AuditCommand.OK;
        });
    }
}
