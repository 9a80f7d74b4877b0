package dk.amu.catalogue.projections.dashboard;

import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.testkit.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.amu.catalogue.projections.dashboard.DashboardTimeline.OFFENTLIG;
import static dk.amu.catalogue.projections.dashboard.DashboardTimeline.VIDEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the dashboard as served HTML, in Danish (the default whatever the browser asks for)
 * and in English, after the revision timeline: the facts of the acceptance test, without a browser.
 */
@ProjectionsTest
class DashboardPagesTests {

    static final String SUCCESSOR = "sandsynligvis erstattet af 22487 Skriftlig kommunikation - sprog og sprogbrug";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Pages pages;

    Instant beforeFixture;

    @BeforeEach
    void driveTheTimeline() {
        pages = new Pages(port);
        beforeFixture = DashboardTimeline.ensureDriven(clock, new Api(port));
        clock.setTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void shouldShowTheLinkEndingWithItsSuccessorInDanishWithDanishDates() {
        var page = pages.html("/fkbs/" + VIDEN + "?asOf=2025-06-01");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Viden- og forretningsservice");
        var row = row(page, "47299");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("Udløber");
        assertThat(row.selectFirst(".end").text()).isEqualTo("30-06-2025");
        assertThat(row.select("td.date").first().text()).isEqualTo("19-12-2024");
        assertThat(row.selectFirst(".successor").text()).isEqualTo(SUCCESSOR);
        assertThat(row.select("td.num").text()).isEqualTo("2,0");
        assertThat(page.getElementById("asOf").attr("type")).isEqualTo("date");
        assertThat(page.getElementById("asOf").val()).isEqualTo("2025-06-01");
        assertThat(page.selectFirst("#links-summary").text()).contains("01-06-2025");
    }

    @Test
    void shouldShowTheLinkExpiredFromTheDayAfterItsEndDate() {
        var page = pages.html("/fkbs/" + VIDEN + "?asOf=2025-07-01");
        assertThat(row(page, "47299").selectFirst(".badge").text()).isEqualTo("Udløbet");
        assertThat(row(page, "22487").selectFirst(".badge").text()).isEqualTo("Aktiv");
        assertThat(row(pages.html("/fkbs/" + VIDEN + "?asOf=2025-06-30"), "47299").selectFirst(".badge").text())
                .isEqualTo("Udløber");
    }

    @Test
    void shouldShowTheLinkAsTheSystemKnewItBeforeTheFixture() {
        var page = pages.html("/fkbs/" + VIDEN + "?asOf=2025-07-01&knownAt=" + beforeFixture);
        var row = row(page, "47299");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("Aktiv");
        assertThat(row.selectFirst(".end").text()).isEqualTo("og fremefter");
        assertThat(row.selectFirst(".successor").text()).isEmpty();
        assertThat(page.getElementById("link-22487")).isNull();
        assertThat(page.select(".revision")).hasSize(1);
        assertThat(page.getElementById("knownAt").attr("type")).isEqualTo("datetime-local");
        assertThat(page.getElementById("knownAt").val()).isEqualTo("2025-03-02T12:00");
    }

    @Test
    void shouldFilterTheLinksByStatusAndSearchOnTheServer() {
        var ending = pages.html("/fkbs/" + VIDEN + "?asOf=2025-06-01&status=ENDING");
        assertThat(ending.select("#links tbody tr")).extracting(tr -> tr.selectFirst("th").text())
                .containsExactly("47299", "47300");
        assertThat(ending.selectFirst("#status option[selected]").text()).isEqualTo("Udløber (2)");
        var search = pages.html("/fkbs/" + VIDEN + "?asOf=2025-06-01&q=sprog+og+sprogbrug");
        assertThat(search.select("#links tbody tr")).extracting(tr -> tr.selectFirst("th").text())
                .containsExactly("22487", "47299");
    }

    @Test
    void shouldListEachRevisionWithWhatItChanged() {
        clock.setTo(LocalDate.of(2025, 9, 2));
        var page = pages.html("/fkbs/" + VIDEN);
        var revisions = page.select(".revision");
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(0).text()).contains("later.txt", "Kursusoplysninger ændret", "45959 Likviditetsstyring");
        var fixture = revisions.get(1);
        assertThat(fixture.selectFirst("h3").text()).startsWith("Version ").contains("registreret 01-05-2025");
        assertThat(fixture.select("tbody tr")).extracting(tr -> tr.selectFirst("td").text() + " " + tr.selectFirst("th a").text().substring(0, 5))
                .containsExactly("Kursus tilkoblet 22487", "Kursus tilkoblet 22598", "Kursus tilkoblet 22634",
                        "Slutdato varslet 47299", "Slutdato varslet 47300");
        assertThat(fixture.select("tbody tr").get(3).text()).contains("slutdato 30-06-2025", SUCCESSOR);
        assertThat(fixture.text()).doesNotContain("Titel ændret");
    }

    @Test
    void shouldShowTheCourseInBothFkbsWithItsTimeline() {
        var page = pages.html("/courses/47299?asOf=2025-06-01");
        assertThat(page.selectFirst("h1").text()).isEqualTo("47299 Skriftlig kommunikation - sprog og sprogbrug");
        var viden = page.getElementById("fkb-" + VIDEN);
        var offentlig = page.getElementById("fkb-" + OFFENTLIG);
        assertThat(viden).isNotNull();
        assertThat(offentlig).isNotNull();
        assertThat(viden.selectFirst("h2").text()).isEqualTo("Viden- og forretningsservice");
        assertThat(viden.selectFirst(".badge").text()).isEqualTo("Udløber");
        assertThat(viden.selectFirst(".link-now").text()).contains("30-06-2025", SUCCESSOR);
        assertThat(viden.select(".timeline tbody th")).extracting(Element::text)
                .containsExactly("Kursus tilkoblet", "Slutdato varslet");
        assertThat(offentlig.selectFirst(".badge").text()).isEqualTo("Aktiv");
        assertThat(offentlig.selectFirst(".link-now").text()).contains("og fremefter");
    }

    @Test
    void shouldFilterRecentChangesByFkbAndType() {
        var page = pages.html("/changes?fkb=" + VIDEN + "&type=CourseLinkExpired");
        assertThat(page.select("#changes tbody tr")).extracting(tr -> tr.selectFirst("th").text() + " "
                + tr.select("td").get(3).text().substring(0, 5) + " " + tr.select("td.date").get(1).text())
                .containsExactly("Tilkobling udløbet 47300 01-07-2025", "Tilkobling udløbet 47299 01-07-2025");
        assertThat(page.selectFirst("#type option[selected]").attr("value")).isEqualTo("CourseLinkExpired");
        assertThat(page.select("#type option")).extracting(Element::text).contains("FKB revideret", "Slutdato varslet",
                "Slutdato trukket tilbage", "Startdato ændret", "Kursus afkoblet");
    }

    @Test
    void shouldShowCountsChartsDataAndRebuildStateOnTheOverview() {
        clock.setTo(LocalDate.of(2025, 5, 15));
        var page = pages.html("/");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Overblik");
        assertThat(page.getElementById("fkbs").select("tbody th a")).extracting(Element::text).contains(VIDEN, OFFENTLIG);
        assertThat(page.select("canvas")).extracting(c -> c.id()).containsExactly("chart-fkbs", "chart-changes", "chart-expiries");
        var expiries = page.getElementById("data-expiries").select("tbody tr");
        assertThat(expiries).hasSize(12);
        assertThat(expiries.get(0).selectFirst("th").text()).isEqualTo("05-2025");
        assertThat(Long.parseLong(expiries.get(1).selectFirst("td").text())).isGreaterThanOrEqualTo(2);
        assertThat(page.getElementById("rebuild").attr("hx-get")).isEqualTo("/dashboard/rebuild");
        assertThat(pages.html("/dashboard/rebuild").selectFirst("section#rebuild h2").text())
                .isEqualTo("Genopbygning af læsemodellerne");
    }

    @Test
    void shouldSpeakDanishWhateverTheBrowserAsksForAndEnglishWhenSwitched() {
        var page = pages.get("/fkbs/" + VIDEN + "?asOf=2025-06-01", "Accept-Language", "en-US,en;q=0.9");
        assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(row(page.html(), "47299").selectFirst(".badge").text()).isEqualTo("Udløber");

        var english = pages.get("/fkbs/" + VIDEN + "?asOf=2025-06-01&lang=en");
        assertThat(english.html().selectFirst("html").attr("lang")).isEqualTo("en");
        var row = row(english.html(), "47299");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("Ending");
        assertThat(row.selectFirst(".end").text()).isEqualTo("30-06-2025");
        assertThat(row.selectFirst(".successor").text())
                .isEqualTo("likely replaced by 22487 Skriftlig kommunikation - sprog og sprogbrug");
        assertThat(row.select("td.num").text()).isEqualTo("2.0");
        assertThat(english.html().selectFirst("label[for=asOf]").text()).isEqualTo("Status as of date");

        var cookie = english.setCookie().orElseThrow().split(";")[0];
        var remembered = pages.html("/courses/47299", "Cookie", cookie);
        assertThat(remembered.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(remembered.select(".timeline tbody th")).extracting(Element::text).contains("Course linked");
        assertThat(pages.html("/?lang=da", "Cookie", cookie).selectFirst("h1").text()).isEqualTo("Overblik");
    }

    @Test
    void shouldLinkToThisPageInTheOtherLanguage() {
        var page = pages.html("/fkbs/" + VIDEN + "?asOf=2025-06-01");
        assertThat(page.selectFirst("a[hreflang=en]").attr("href")).isEqualTo("/fkbs/" + VIDEN + "?asOf=2025-06-01&lang=en");
        assertThat(page.selectFirst("a[hreflang=da]").attr("aria-current")).isEqualTo("true");
    }

    @Test
    void shouldAnswerAnUnknownFkbOrABadDateWithAPageThatSaysWhy() {
        var unknown = pages.get("/fkbs/no-such-fkb");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html().selectFirst("h1").text()).isEqualTo("Findes ikke");
        assertThat(unknown.html().getElementById("problem").text()).contains("no-such-fkb");
        var badDate = pages.get("/fkbs/" + VIDEN + "?asOf=01-06-2025");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.html().getElementById("problem").text()).contains("2025-06-01");
        assertThat(pages.get("/courses/99999?lang=en").html().selectFirst("h1").text()).isEqualTo("Not found");
    }

    @Test
    void shouldLabelEveryFormControlAndScopeEveryHeaderCell() {
        for (var path : new String[] { "/", "/fkbs/" + VIDEN, "/courses/47299", "/changes" }) {
            Document page = pages.html(path);
            for (var control : page.select("input, select")) {
                assertThat(page.select("label[for=" + control.id() + "]")).as("label of #%s on %s", control.id(), path)
                        .hasSize(1);
            }
            assertThat(page.select("th:not([scope])")).as("th without scope on %s", path).isEmpty();
            assertThat(page.selectFirst("main#main")).isNotNull();
        }
    }

    @Test
    void shouldServeChartJsHtmxAndTheStylesFromTheJar() {
        assertThat(pages.asset("/webjars/chart.js/dist/chart.umd.min.js").get(0)).isEqualTo("200");
        assertThat(pages.asset("/webjars/htmx.org/dist/htmx.min.js").get(0)).isEqualTo("200");
        assertThat(pages.asset("/assets/catalogue.css")).containsExactly("200", "text/css");
        assertThat(pages.asset("/assets/dashboard.js").get(0)).isEqualTo("200");
        var head = pages.html("/").head();
        assertThat(head.select("script[src], link[href]")).allSatisfy(tag ->
                assertThat(tag.hasAttr("src") ? tag.attr("src") : tag.attr("href")).startsWith("/"));
    }

    private static Element row(Document page, String courseNumber) {
        var row = page.getElementById("link-" + courseNumber);
        assertThat(row).as("row of %s", courseNumber).isNotNull();
        return row;
    }
}
