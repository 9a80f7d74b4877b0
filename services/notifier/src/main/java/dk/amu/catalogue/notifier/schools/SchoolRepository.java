package dk.amu.catalogue.notifier.schools;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.amu.catalogue.notifier.system.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Schools and the hashes of their keys. */
@Repository
public class SchoolRepository {

    private static final RowMapper<School> SCHOOL = (row, n) -> new School(row.getObject("id", UUID.class),
            row.getString("name"), row.getString("email"));

    private final JdbcTemplate jdbc;

    private final Clock clock;

    SchoolRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    School create(String name, String email, String apiKey) {
        var school = new School(UUID.randomUUID(), name, email);
        jdbc.update("insert into notifier.schools (id, name, email, key_hash, created_at) values (?, ?, ?, ?, ?)",
                school.id(), name, email, Secrets.sha256(apiKey), Timestamp.from(clock.instant()));
        return school;
    }

    /** @return false when there is no such school */
    boolean replaceKey(UUID school, String apiKeyOrNull) {
        return jdbc.update("update notifier.schools set key_hash = ? where id = ?",
                apiKeyOrNull == null ? null : Secrets.sha256(apiKeyOrNull), school) == 1;
    }

    /** The school whose key this is; a revoked key, or the key of a disabled school, finds none. */
    public Optional<School> byKey(String apiKey) {
        return jdbc.query("select id, name, email from notifier.schools where key_hash = ? and disabled_at is null", SCHOOL,
                Secrets.sha256(apiKey)).stream().findFirst();
    }

    /** The school, unless the operator has disabled it. */
    public Optional<School> activeById(UUID id) {
        return jdbc.query("select id, name, email from notifier.schools where id = ? and disabled_at is null", SCHOOL, id)
                .stream().findFirst();
    }

    public Optional<School> byId(UUID id) {
        return jdbc.query("select id, name, email from notifier.schools where id = ?", SCHOOL, id).stream().findFirst();
    }

    /** Every school for the operator, newest first, with how many subscriptions it has. */
    List<SchoolSummary> all() {
        return jdbc.query("select s.id, s.name, s.email, s.created_at, s.disabled_at, s.key_hash is not null as has_key, "
                + "(select count(*) from notifier.subscriptions u where u.school_id = s.id) as subscriptions "
                + "from notifier.schools s order by s.created_at desc, s.name",
                (row, n) -> new SchoolSummary(row.getObject("id", UUID.class), row.getString("name"), row.getString("email"),
                        row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("disabled_at")),
                        row.getBoolean("has_key"), row.getInt("subscriptions")));
    }

    /** @return false when there is no such school, or it is disabled already */
    boolean disable(UUID school) {
        return jdbc.update("update notifier.schools set disabled_at = ? where id = ? and disabled_at is null",
                Timestamp.from(clock.instant()), school) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
