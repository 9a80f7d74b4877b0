package dk.amu.catalogue.standalone;

import dk.amu.catalogue.postgres.DatabaseOwnershipException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused because the database port or directory belongs to someone else is the operator's to
 * clear, not a bug: say what is in the way and what to do, instead of a stack trace.
 */
class DatabaseOwnershipFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseOwnershipException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseOwnershipException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the PostgreSQL server named above, or start with another catalogue.standalone.ports.postgres "
                        + "(CATALOGUE_STANDALONE_PORTS_POSTGRES) or another data directory.", cause);
    }
}
