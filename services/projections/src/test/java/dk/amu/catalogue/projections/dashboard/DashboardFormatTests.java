package dk.amu.catalogue.projections.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import dk.amu.catalogue.projections.stats.Stats.MonthCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardFormatTests {

    final DashboardFormat format = new DashboardFormat();

    @Test
    void shouldWriteDatesAsDayMonthYearInCopenhagen() {
        assertThat(format.date(LocalDate.of(2025, 6, 30))).isEqualTo("30-06-2025");
        // 22:30 UTC on 30 June is already 1 July in Copenhagen
        assertThat(format.date(Instant.parse("2025-06-30T22:30:00Z"))).isEqualTo("01-07-2025");
        assertThat(format.dateTime(Instant.parse("2025-06-30T22:30:00Z"))).isEqualTo("01-07-2025 00:30");
        assertThat(format.date((LocalDate) null)).isEmpty();
        assertThat(format.month("2025-06")).isEqualTo("06-2025");
    }

    @Test
    void shouldWriteCourseDaysAndCountsInTheReadersLanguage() {
        assertThat(format.days(new BigDecimal("2.0"), Locale.forLanguageTag("da"))).isEqualTo("2,0");
        assertThat(format.days(new BigDecimal("0.5"), Locale.ENGLISH)).isEqualTo("0.5");
        assertThat(format.count(12345, Locale.forLanguageTag("da"))).isEqualTo("12.345");
        assertThat(format.count(12345, Locale.ENGLISH)).isEqualTo("12,345");
    }

    @Test
    void shouldEncodeCodesInPaths() {
        assertThat(format.fkbPath("viden og service")).isEqualTo("/fkbs/viden%20og%20service");
        assertThat(format.coursePath("47299")).isEqualTo("/courses/47299");
    }

    @Test
    void shouldCountExpiriesInEachOfTheNextTwelveMonthsIncludingEmptyOnes() {
        var months = OverviewController.nextTwelveMonths(
                List.of(new MonthCount("2025-05", 9), new MonthCount("2025-06", 2), new MonthCount("2026-05", 4),
                        new MonthCount("2026-06", 7)),
                YearMonth.of(2025, 6));
        assertThat(months).hasSize(12);
        assertThat(months.get(0)).isEqualTo(new MonthCount("2025-06", 2));
        assertThat(months.get(1)).isEqualTo(new MonthCount("2025-07", 0));
        assertThat(months.get(11)).isEqualTo(new MonthCount("2026-05", 4));
    }

    @Test
    void shouldPutEveryMonthFromTheFirstChangeToTheLastOnTheAxisWithZeroForQuietOnes() {
        var months = OverviewController.fromFirstChange(
                List.of(new MonthCount("2022-05", 3), new MonthCount("2022-06", 1), new MonthCount("2022-08", 2),
                        new MonthCount("2023-01", 5)),
                YearMonth.of(2022, 10));
        assertThat(months).extracting(MonthCount::month).containsExactly("2022-05", "2022-06", "2022-07", "2022-08",
                "2022-09", "2022-10", "2022-11", "2022-12", "2023-01");
        assertThat(months).extracting(MonthCount::count).containsExactly(3L, 1L, 0L, 2L, 0L, 0L, 0L, 0L, 5L);
    }

    @Test
    void shouldRunTheChangesAxisOnToTheAsOfMonthAndStayEmptyWithoutChanges() {
        var months = OverviewController.fromFirstChange(List.of(new MonthCount("2025-11", 4)), YearMonth.of(2026, 2));
        assertThat(months).containsExactly(new MonthCount("2025-11", 4), new MonthCount("2025-12", 0),
                new MonthCount("2026-01", 0), new MonthCount("2026-02", 0));
        assertThat(OverviewController.fromFirstChange(List.of(), YearMonth.of(2026, 2))).isEmpty();
        assertThat(OverviewController.everyMonth(List.of(), YearMonth.of(2024, 12), YearMonth.of(2025, 1)))
                .containsExactly(new MonthCount("2024-12", 0), new MonthCount("2025-01", 0));
    }
}
