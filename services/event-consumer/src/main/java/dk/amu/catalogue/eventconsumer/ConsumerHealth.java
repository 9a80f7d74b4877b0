package dk.amu.catalogue.eventconsumer;

import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the consumer ({@code consumer} in the health endpoint): DOWN when Kafka cannot be reached,
 * OUT_OF_SERVICE while the service trails the log by more than its {@link EventConsumer#maxLag()}; with
 * the lag per partition and the dead letters sent so far. The database has its own indicator as well.
 */
class ConsumerHealth implements HealthIndicator {

    private final ConsumerLag lag;

    private final long maxLag;

    private final MeterRegistry meters;

    ConsumerHealth(ConsumerLag lag, long maxLag, MeterRegistry meters) {
        this.lag = lag;
        this.maxLag = maxLag;
        this.meters = meters;
    }

    @Override
    public Health health() {
        var deadLetters = meters.find("catalogue.consumer.dead.letters").counter();
        var sent = deadLetters == null ? 0 : (long) deadLetters.count();
        try {
            var perPartition = lag.measure();
            var total = perPartition.values().stream().mapToLong(Long::longValue).sum();
            var details = new TreeMap<String, Long>();
            perPartition.forEach((partition, value) -> details.put(partition.toString(), value));
            var health = total > maxLag ? Health.outOfService() : Health.up();
            return health.withDetail("lag", total).withDetail("lagPerPartition", details)
                    .withDetail("deadLetters", sent).build();
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", ex.toString()).withDetail("deadLetters", sent).build();
        }
    }
}
