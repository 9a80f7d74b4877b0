package dk.amu.catalogue.kafka.broker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits, as a client would, until the brokers a caller started answer and know each other. */
final class ClusterReadiness {

    private static final long PAUSE_MILLIS = 100;

    private ClusterReadiness() {
    }

    /** Returns once the cluster reached through {@code bootstrapServers} lists at least {@code nodes} live brokers. */
    static void awaitNodes(String bootstrapServers, int nodes, Duration timeout) {
        var props = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        try (var admin = Admin.create(props)) {
            while (true) {
                seen = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                if (seen >= nodes) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka on " + bootstrapServers, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Kafka on " + bootstrapServers + " did not become ready within "
                    + timeout.toSeconds() + " s", ex);
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers + " listed " + seen + " of " + nodes
                + " brokers after " + timeout.toSeconds() + " s");
    }
}
