package dk.amu.catalogue.projections.consuming;

import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dk.amu.catalogue.projections.support.Databases;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rebuild copies in reads back as it was written, whatever characters course titles hold. */
@ExtendWith(CatalogueInfrastructure.class)
class CopyRowsTests {

    @Test
    void shouldReadBackTextDatesInstantsArraysAndNullsExactly() throws Exception {
        var url = Databases.create("copy_rows");
        var awkward = List.of("tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "quote \" in it",
                "comma, {brace}", "æøå ÆØÅ – “typografi”", "", " leading and trailing ");
        try (var connection = DriverManager.getConnection(url, Databases.user(), "")) {
            try (var statement = connection.createStatement()) {
                statement.execute("create table t (n bigint, s text, d date, i timestamptz, a text[])");
            }
            var rows = new CopyRows();
            var instants = List.of(Instant.parse("2025-06-30T21:59:59.123456Z"), Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("0999-12-31T23:59:59.000001Z"), Instant.parse("2024-02-29T12:00:00.5Z"));
            var dates = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2024, 2, 29), LocalDate.of(999, 1, 9));
            for (int n = 0; n < awkward.size(); n++) {
                rows.number(n).text(awkward.get(n)).date(dates.get(n % dates.size()))
                        .instant(instants.get(n % instants.size()))
                        .texts(List.of(awkward.get(n), "x")).endRow();
            }
            rows.number(99).text(null).date(null).instant(null).texts(List.of()).endRow();
            assertThat(rows.copyInto(connection.unwrap(PGConnection.class).getCopyAPI(), "t", "n, s, d, i, a"))
                    .isEqualTo(awkward.size() + 1);
            assertThat(rows.rows()).as("the buffer starts over").isZero();

            var read = new ArrayList<String>();
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select n, s, d, i, a from t order by n")) {
                while (result.next()) {
                    var n = result.getLong(1);
                    if (n == 99) {
                        assertThat(result.getString(2)).isNull();
                        assertThat(result.getObject(3)).isNull();
                        assertThat(result.getObject(4)).isNull();
                        assertThat((String[]) result.getArray(5).getArray()).isEmpty();
                        continue;
                    }
                    read.add(result.getString(2));
                    assertThat(result.getObject(3, LocalDate.class)).isEqualTo(dates.get((int) n % dates.size()));
                    assertThat(result.getObject(4, OffsetDateTime.class).toInstant())
                            .isEqualTo(instants.get((int) n % instants.size()));
                    assertThat(Arrays.asList((String[]) result.getArray(5).getArray())).containsExactly(read.get(read.size() - 1), "x");
                }
            }
            assertThat(read).containsExactlyElementsOf(awkward);
        }
    }
}
