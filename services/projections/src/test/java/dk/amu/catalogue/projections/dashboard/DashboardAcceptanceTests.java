package dk.amu.catalogue.projections.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.projections.support.ProjectionsTestConfiguration;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.amu.catalogue.projections.dashboard.DashboardTimeline.OFFENTLIG;
import static dk.amu.catalogue.projections.dashboard.DashboardTimeline.VIDEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance facts in a real browser (headless Chromium), in Danish, after the revision
 * timeline: a person opens the dashboard, goes to the FKB, picks the as-of dates and reads the
 * statuses, then opens the course. Screenshots land in {@code target/screenshots}.
 */
@ProjectionsTest
class DashboardAcceptanceTests {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM-yyyy");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Browser browser;

    @BeforeEach
    void openTheDashboard() {
        DashboardTimeline.ensureDriven(clock, new Api(port));
        clock.setTo(LocalDate.of(2025, 9, 2));
        browser = Browser.open(port);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowTheEndingLinkItsSuccessorAndItsExpiryInDanish() {
        browser.get("/");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("da");
        assertThat(browser.find("h1").getText()).isEqualTo("Overblik");
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(browser.script(
                "return typeof Chart !== 'undefined' && typeof htmx !== 'undefined' && !!Chart.getChart('chart-fkbs')"
                        + " && !!Chart.getChart('chart-changes') && !!Chart.getChart('chart-expiries')")));
        assertThatTheChangesChartHasEveryMonth();
        browser.screenshot("overview-da");

        browser.find("#fkbs a[href='/fkbs/" + VIDEN + "']").click();
        assertThat(browser.find("h1").getText()).isEqualTo("Viden- og forretningsservice");

        browser.pick("asOf", "2025-06-01");
        browser.find("#apply").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.currentUrl().contains("asOf=2025-06-01"));
        var row = "#link-47299 ";
        assertThat(browser.find(row + ".badge").getText()).isEqualTo("Udløber");
        assertThat(browser.find(row + ".end").getText()).isEqualTo("30-06-2025");
        assertThat(browser.find(row + ".successor").getText())
                .isEqualTo("sandsynligvis erstattet af 22487 Skriftlig kommunikation - sprog og sprogbrug");
        assertThat(browser.find("#links-summary").getText()).contains("01-06-2025");
        browser.screenshot("fkb-viden-2025-06-01");

        browser.pick("asOf", "2025-07-01");
        browser.find("#apply").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.currentUrl().contains("asOf=2025-07-01"));
        assertThat(browser.find(row + ".badge").getText()).isEqualTo("Udløbet");
        assertThat(browser.find(row + ".end").getText()).isEqualTo("30-06-2025");
        browser.screenshot("fkb-viden-2025-07-01");

        browser.find(row + "th a").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.currentUrl().contains("/courses/47299"));
        assertThat(browser.find("h1").getText()).isEqualTo("47299 Skriftlig kommunikation - sprog og sprogbrug");
        assertThat(browser.find("#fkb-" + VIDEN + " h2").getText()).isEqualTo("Viden- og forretningsservice");
        assertThat(browser.find("#fkb-" + OFFENTLIG).isDisplayed()).isTrue();
        assertThat(browser.find("#fkb-" + OFFENTLIG + " .badge").getText()).isEqualTo("Aktiv");
        browser.screenshot("course-47299");
    }

    @Test
    void shouldFilterTheLinksAsYouTypeAndSwitchToEnglish() {
        browser.get("/fkbs/" + VIDEN + "?asOf=2025-06-01");
        var all = browser.findAll("#links tbody tr").size();
        browser.find("#q").sendKeys("sprogbrug");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.visibleRows("links") == 2);
        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("ENDING");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.visibleRows("links") == 1);
        assertThat(browser.find("#link-47299").isDisplayed()).isTrue();
        assertThat(all).isGreaterThan(90);

        browser.find("a[hreflang=en]").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> "en".equals(browser.find("html").getDomAttribute("lang")));
        assertThat(browser.find("#link-47299 .badge").getText()).isEqualTo("Ending");
        assertThat(browser.find("label[for=asOf]").getText()).isEqualTo("Status as of date");
        browser.screenshot("fkb-viden-en");
        browser.get("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Overview");
        browser.find("a[hreflang=da]").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> "Overblik".equals(browser.find("h1").getText()));
    }

    @Test
    void shouldShowARebuildsProgressWithoutReloadingThePage() {
        browser.get("/");
        var before = browser.read("#rebuild", "data-state").get("text");
        var started = new Api(port).post("/api/admin/rebuild", ProjectionsTestConfiguration.ADMIN_TOKEN);
        assertThat(started.status()).isEqualTo(202);
        // the fragment polls every 15 s while no rebuild runs, every second while one does; htmx
        // replaces it on every poll, so each look reads state and text in one script
        var done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.read("#rebuild", "data-state"),
                        rebuild -> "DONE".equals(rebuild.get("attribute")) && !rebuild.get("text").equals(before));
        assertThat(done.get("text")).contains("Færdig", "hændelser afspillet");
        assertThat(browser.read("#rebuild-progress", "value").get("attribute")).isEqualTo("100");
        browser.screenshot("overview-rebuild-done");
    }

    /** The axis of "Ændringer pr. måned" as drawn: consecutive months from the first change on, at least to today's. */
    private void assertThatTheChangesChartHasEveryMonth() {
        @SuppressWarnings("unchecked")
        var labels = (List<String>) browser.script("return Chart.getChart('chart-changes').data.labels");
        var months = labels.stream().map(label -> YearMonth.parse(label, MONTH)).toList();
        assertThat(months).hasSizeGreaterThan(1);
        // other test classes share the events topic, so changes may run on past the month of the clock
        assertThat(months.get(months.size() - 1)).isAfterOrEqualTo(YearMonth.of(2025, 9));
        for (int i = 1; i < months.size(); i++) {
            assertThat(months.get(i)).as("the month after %s on the axis %s", months.get(i - 1), labels)
                    .isEqualTo(months.get(i - 1).plusMonths(1));
        }
    }

}
