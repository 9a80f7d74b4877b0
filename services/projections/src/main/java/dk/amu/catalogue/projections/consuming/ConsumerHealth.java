package dk.amu.catalogue.projections.consuming;

import java.util.TreeMap;

import dk.amu.catalogue.projections.system.ProjectionsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the consumer: DOWN when Kafka or the database cannot be reached, OUT_OF_SERVICE
 * while the read models trail the log by more than {@code max-lag}; with the lag per partition
 * and the dead letters sent so far. The database has its own indicator as well.
 */
@Component("consumer")
class ConsumerHealth implements HealthIndicator {

    private final ConsumerLag lag;

    private final ProjectionsProperties properties;

    private final MeterRegistry meters;

    ConsumerHealth(ConsumerLag lag, ProjectionsProperties properties, MeterRegistry meters) {
        this.lag = lag;
        this.properties = properties;
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
            var health = total > properties.maxLag() ? Health.outOfService() : Health.up();
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
