package dk.amu.catalogue.notifier.schools;

import java.time.Clock;
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
                school.id(), name, email, Secrets.sha256(apiKey), java.sql.Timestamp.from(clock.instant()));
        return school;
    }

    /** @return false when there is no such school */
    boolean replaceKey(UUID school, String apiKeyOrNull) {
        return jdbc.update("update notifier.schools set key_hash = ? where id = ?",
                apiKeyOrNull == null ? null : Secrets.sha256(apiKeyOrNull), school) == 1;
    }

    /** The school whose key this is; a revoked key finds none. */
    public Optional<School> byKey(String apiKey) {
        return jdbc.query("select id, name, email from notifier.schools where key_hash = ?", SCHOOL, Secrets.sha256(apiKey))
                .stream().findFirst();
    }

    public Optional<School> byId(UUID id) {
        return jdbc.query("select id, name, email from notifier.schools where id = ?", SCHOOL, id).stream().findFirst();
    }
}
