package dk.amu.catalogue.projections.consuming;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schema the API reads and the live consumer writes. A rebuild replaces it by renaming a
 * shadow schema to this name, so every statement names it afresh and follows the switch.
 */
@Component
public class LiveProjection {

    public static final String SCHEMA = "projections";

    private final Projector projector;

    private final ConsumerPositions positions;

    LiveProjection(JdbcTemplate jdbc) {
        this.projector = new Projector(new ProjectionStore(jdbc, SCHEMA));
        this.positions = new ConsumerPositions(jdbc, SCHEMA);
    }

    public Projector projector() {
        return projector;
    }

    public ConsumerPositions positions() {
        return positions;
    }
}
