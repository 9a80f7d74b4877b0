package dk.amu.catalogue.projections.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.projections.consuming.CurrentLinks;
import dk.amu.catalogue.projections.stats.Stats.LinkCount;
import dk.amu.catalogue.projections.stats.Stats.MonthCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Aggregates computed from the read models when asked: they are small, and never stale. */
@Service
public class StatsQueries {

    private static final String CURRENT = "count(*) filter (where " + CurrentLinks.ON_AS_OF + ")";

    private final JdbcClient jdbc;

    private final Clock clock;

    StatsQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Stats stats() {
        var asOf = CatalogueZone.today(clock);
        return new Stats(asOf,
                count("select count(*) from projections.fkbs"),
                count("select count(*) from projections.links"),
                count("select count(*) from projections.changes"),
                linkCounts("fkb_code", asOf),
                linkCounts("euu", asOf),
                months("select to_char(effective_date, 'YYYY-MM'), count(*) from projections.changes group by 1 order by 1"),
                months("select to_char(linked_to, 'YYYY-MM'), count(*) from projections.links where linked_to is not null "
                        + "group by 1 order by 1"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<LinkCount> linkCounts(String column, LocalDate asOf) {
        return jdbc.sql("select " + column + ", count(*), " + CURRENT + " from projections.links group by 1 order by 1")
                .param("asOf", asOf)
                .query((rs, n) -> new LinkCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private List<MonthCount> months(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new MonthCount(rs.getString(1), rs.getLong(2))).list();
    }
}
