package dk.amu.catalogue.eventconsumer;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

    @Test
    void shouldNeverTakeAnUnavailableDatabaseForABadRecord() {
        assertThat(DeadLetters.unavailable(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new ConnectException("Connection refused"))))).isTrue();
        assertThat(DeadLetters.unavailable(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("timed out")))).isTrue();
    }

    @Test
    void shouldTakeAFailedFoldForABadRecord() {
        assertThat(DeadLetters.unavailable(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("FKB x sequence 1 changes course 99998, which it never linked")))).isFalse();
    }
}
