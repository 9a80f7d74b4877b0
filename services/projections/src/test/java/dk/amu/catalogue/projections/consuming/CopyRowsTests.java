package dk.amu.catalogue.projections.consuming;

import java.math.BigDecimal;
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

/** What a rebuild copies in (binary COPY) reads back as it was written, whatever characters course titles hold. */
@ExtendWith(CatalogueInfrastructure.class)
class CopyRowsTests {

    @Test
    void shouldReadBackTextDatesInstantsArraysNumbersAndNullsExactly() throws Exception {
        var url = Databases.create("copy_rows");
        var awkward = List.of("tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "quote \" in it",
                "comma, {brace}", "æøå ÆØÅ – “typografi”", "", " leading and trailing ");
        try (var connection = DriverManager.getConnection(url, Databases.user(), "")) {
            try (var statement = connection.createStatement()) {
                statement.execute("create table t (n bigint, s text, d date, i timestamptz, a text[], k int, m numeric(6, 1))");
            }
            var rows = new CopyRows();
            var instants = List.of(Instant.parse("2025-06-30T21:59:59.123456Z"), Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("0999-12-31T23:59:59.000001Z"), Instant.parse("2024-02-29T12:00:00.5Z"));
            var dates = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2024, 2, 29), LocalDate.of(999, 1, 9),
                    LocalDate.of(1999, 12, 31));
            var decimals = List.of(new BigDecimal("2.0"), new BigDecimal("0.5"), new BigDecimal("12345.6"),
                    new BigDecimal("-0.1"), BigDecimal.ZERO, new BigDecimal("10000.0"), new BigDecimal("3"));
            for (int n = 0; n < awkward.size(); n++) {
                rows.bigint(n).text(awkward.get(n)).date(dates.get(n % dates.size()))
                        .instant(instants.get(n % instants.size()))
                        .texts(Arrays.asList(awkward.get(n), null, "x")).integer(-n)
                        .decimal(decimals.get(n % decimals.size())).endRow();
            }
            rows.bigint(99).text(null).date(null).instant(null).texts(List.of()).integer(Integer.MAX_VALUE).decimal(null)
                    .endRow();
            assertThat(rows.copyInto(connection.unwrap(PGConnection.class).getCopyAPI(), "t", "n, s, d, i, a, k, m"))
                    .isEqualTo(awkward.size() + 1);
            assertThat(rows.rows()).as("the buffer starts over").isZero();

            var read = new ArrayList<String>();
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select n, s, d, i, a, k, m from t order by n")) {
                while (result.next()) {
                    var n = result.getLong(1);
                    if (n == 99) {
                        assertThat(result.getString(2)).isNull();
                        assertThat(result.getObject(3)).isNull();
                        assertThat(result.getObject(4)).isNull();
                        assertThat((String[]) result.getArray(5).getArray()).isEmpty();
                        assertThat(result.getInt(6)).isEqualTo(Integer.MAX_VALUE);
                        assertThat(result.getBigDecimal(7)).isNull();
                        continue;
                    }
                    read.add(result.getString(2));
                    assertThat(result.getObject(3, LocalDate.class)).isEqualTo(dates.get((int) n % dates.size()));
                    assertThat(result.getObject(4, OffsetDateTime.class).toInstant())
                            .isEqualTo(instants.get((int) n % instants.size()));
                    assertThat(Arrays.asList((String[]) result.getArray(5).getArray()))
                            .containsExactly(read.get(read.size() - 1), null, "x");
                    assertThat(result.getInt(6)).isEqualTo((int) -n);
                    // as numeric(6, 1) keeps it: one decimal
                    assertThat(result.getBigDecimal(7)).isEqualTo(decimals.get((int) n % decimals.size()).setScale(1));
                }
            }
            assertThat(read).containsExactlyElementsOf(awkward);
        }
    }
}
