package dk.amu.catalogue.projections.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An FKB with a thousand links on one page: all rows rendered, the filter script fast enough to
 * use, and how long the server takes, logged for a person to read (no timed assertion).
 */
@ProjectionsTest
class LargeFkbPageTests {

    private static final Logger log = LoggerFactory.getLogger(LargeFkbPageTests.class);

    static final String FKB = "dashboard-thousand";

    static final int LINKS = 1000;

    private static boolean written;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void writeAThousandLinksOnce() {
        clock.setTo(LocalDate.of(2025, 6, 1));
        if (written) {
            return;
        }
        var drafts = new ArrayList<EventDraft>();
        var day = LocalDate.of(2025, 1, 2);
        drafts.add(new EventDraft(new FkbRevised("Tusind tilkoblinger – økonomi og sagsbehandling", null,
                List.of("Kompetence 1"), List.of()), day));
        for (int i = 0; i < LINKS; i++) {
            var number = Integer.toString(60000 + i);
            var link = new CourseLink(number, "Kursus " + number + " – skriftlig kommunikation på dansk", i % 2 == 0 ? "AD" : "IT",
                    new BigDecimal("2.0"), day, null);
            drafts.add(new EventDraft(new CourseLinked(link), day));
        }
        for (int i = 0; i < LINKS; i += 10) {
            var number = Integer.toString(60000 + i);
            drafts.add(new EventDraft(new CourseLinkEndScheduled(number, "Kursus " + number + " – skriftlig kommunikation på dansk",
                    LocalDate.of(2025, 6, 30), null, null), day));
        }
        try (var writer = EventLogWriter.forRunning()) {
            writer.append(FKB, Instant.parse("2025-01-02T09:00:00Z"), drafts.toArray(EventDraft[]::new));
        }
        var api = new Api(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.json("/api/fkbs/{code}", FKB).get("links").asLong()).isEqualTo(LINKS));
        written = true;
    }

    @Test
    void shouldRenderAThousandLinksInOneTable() {
        var pages = new Pages(port);
        var first = pages.get("/fkbs/" + FKB);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.html().select("#links tbody tr")).hasSize(LINKS);
        assertThat(first.html().select("#links tbody tr[data-status=ENDING]")).hasSize(LINKS / 10);
        assertThat(first.html().select("#links tbody .badge")).hasSize(LINKS);
        var warm = new long[5];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = pages.get("/fkbs/" + FKB).millis();
        }
        var oneLink = pages.get("/fkbs/" + FKB + "?q=60999");
        assertThat(oneLink.html().select("#links tbody tr")).hasSize(1);
        log.info("FKB page with {} links: {} ms for the first request, {} ms for the next {}; {} ms filtered to one link "
                + "(HTTP round trips on localhost, {} KiB of HTML)", LINKS, first.millis(), java.util.Arrays.toString(warm),
                warm.length, oneLink.millis(), first.html().outerHtml().length() / 1024);
    }

    @Test
    void shouldFilterAThousandRowsInTheBrowserAsYouType() {
        try (var browser = Browser.open(port)) {
            browser.get("/fkbs/" + FKB);
            assertThat(browser.findAll("#links tbody tr")).hasSize(LINKS);
            browser.find("#q").sendKeys("6099");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.visibleRows("links") == 10);
            new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("ENDING");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.visibleRows("links") == 1);
            assertThat(browser.find("#link-60990").isDisplayed()).isTrue();
            browser.screenshot("fkb-thousand-filtered");
        }
    }
}
