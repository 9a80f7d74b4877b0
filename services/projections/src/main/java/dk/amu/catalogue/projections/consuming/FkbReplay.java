package dk.amu.catalogue.projections.consuming;

import java.util.List;
import java.util.Set;

import dk.amu.catalogue.eventconsumer.FkbRedrive;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A redrive in the projections, as a rebuild of one FKB: its rows go from every read model of the live
 * schema, then its history is folded again by the live {@code Projector}, which a rebuild shares. The
 * consumer positions are not touched: they belong to the whole partition.
 */
@Component
class FkbReplay implements FkbRedrive {

    /** Every read model keyed by FKB, with its FKB column; {@code consumer_positions} is not one. */
    private static final List<String> FORGET = List.of(
            "delete from " + LiveProjection.SCHEMA + ".changes where fkb_code = ?",
            "delete from " + LiveProjection.SCHEMA + ".link_versions where fkb_code = ?",
            "delete from " + LiveProjection.SCHEMA + ".links where fkb_code = ?",
            "delete from " + LiveProjection.SCHEMA + ".fkb_revisions where fkb_code = ?",
            "delete from " + LiveProjection.SCHEMA + ".fkbs where code = ?");

    private final JdbcTemplate jdbc;

    private final LiveProjection live;

    FkbReplay(JdbcTemplate jdbc, LiveProjection live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    @Override
    public void forget(String fkbCode) {
        FORGET.forEach(sql -> jdbc.update(sql, fkbCode));
    }

    /** The read models are the service's own state alone: parked or not, every record is folded alike. */
    @Override
    public void apply(List<ConsumerRecord<String, CatalogueEvent>> history, Set<Long> parked) {
        live.projector().apply(history);
    }
}
