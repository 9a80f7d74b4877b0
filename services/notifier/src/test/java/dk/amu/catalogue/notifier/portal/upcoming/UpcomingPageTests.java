package dk.amu.catalogue.notifier.portal.upcoming;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.support.PortalClient;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.runningingest.RunningIngest;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Kommende for jer" on the real fixture, driven through the real ingest service: the FKB as it was
 * first published (course 47299 open-ended, 22487 not yet linked), then the document of the issue,
 * which ends 47299 on 30-06-2025 beside its likely successor 22487. The warnings are the ones the
 * warning run really sent on the days the clock passed: 90 days before on 01-04-2025, and on
 * 10-06-2025 the shortest lead time passed since, 30 days.
 */
@ExtendWith(CatalogueInfrastructure.class)
class UpcomingPageTests {

    private static final String FKB = "viden-og-forretningsservice";

    @Test
    void shouldShowTheSchoolsEndingLinksSoonestFirstWithSuccessorAndTheWarningsSent() {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(LocalDate.of(2025, 3, 1));
        var key = newSchool(notifier, "Kommende-skolen");
        assertThat(notifier.api().post("/api/subscriptions", key,
                Map.of("fkbCodes", List.of(FKB), "email", "kommende@example.org")).status()).isEqualTo(201);
        var otherKey = newSchool(notifier, "Anden skole");
        assertThat(notifier.api().post("/api/subscriptions", otherKey,
                Map.of("fkbCodes", List.of("en-anden-fkb"), "email", "anden@example.org")).status()).isEqualTo(201);

        var fixture = FixtureDocuments.viden();
        var first = FixtureDocuments.withoutCourses(fixture, "22487", "22598", "22634").replace("til 30-06-2025", "og fremefter");
        try (var ingest = RunningIngest.start(clock)) {
            ingest.ingest(FKB, "viden-og-forretningsservice-2024.txt", first);
            notifier.settle();
            clock.setTo(LocalDate.of(2025, 3, 20));
            ingest.ingest(FKB, "viden-og-forretningsservice.txt", fixture);
            notifier.settle();
        }
        clock.setTo(LocalDate.of(2025, 4, 1));
        notifier.settle();
        clock.setTo(LocalDate.of(2025, 6, 10));
        notifier.settle();

        var page = new PortalClient(notifier.port()).signIn(key).get("/upcoming");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Kommende for jer").contains("fra i dag, 10-06-2025, til og med 10-06-2026");
        var row = row(page.body(), "47299");
        assertThat(row).contains("30-06-2025").contains("Skriftlig kommunikation - sprog og sprogbrug")
                .contains(FKB).contains("Viden- og forretningsservice")
                .contains("22487")
                .containsSubsequence("90 dage før (sendt 01-04-2025)", "30 dage før (sendt 10-06-2025)");
        assertThat(row(page.body(), "47300")).contains("30-06-2025").contains("90 dage før (sendt 01-04-2025)");
        assertThat(page.body()).as("open-ended links are not coming to an end").doesNotContain("data-course=\"22487\"");

        var other = new PortalClient(notifier.port()).signIn(otherKey).get("/upcoming");
        assertThat(other.body()).as("another school's scope").doesNotContain("47299")
                .contains("Ingen tilkoblinger i jeres omfang slutter");
        assertThat(new PortalClient(notifier.port()).signIn(otherKey).get("/upcoming?lang=en").body())
                .contains("Coming up for you");
    }

    @Test
    void shouldHintTheLikelySuccessorOfALinkThatArrivedAlreadyEnding() {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(LocalDate.of(2025, 6, 10));
        var fkb = "vfs-foerste-udgave";
        var key = newSchool(notifier, "Første udgave-skolen");
        assertThat(notifier.api().post("/api/subscriptions", key,
                Map.of("fkbCodes", List.of(fkb), "email", "foerste@example.org", "leadDays", List.of(30))).status())
                .isEqualTo(201);

        try (var ingest = RunningIngest.start(clock)) {
            ingest.ingest(fkb, "viden-og-forretningsservice.txt", FixtureDocuments.viden());
            notifier.settle();
        }

        var page = new PortalClient(notifier.port()).signIn(key).get("/upcoming");
        assertThat(row(page.body(), "47299")).as("its only event, CourseLinked, named no successor")
                .contains("30-06-2025").contains("22487").contains("30 dage før (sendt 10-06-2025)");
        assertThat(row(page.body(), "47300")).as("no course with a similar title").doesNotContain("22487");
    }

    @Test
    void shouldTellASchoolWithoutSubscriptionsHowToGetSome() {
        var notifier = RunningNotifier.shared();
        var page = new PortalClient(notifier.port()).signIn(newSchool(notifier, "Tom skole")).get("/upcoming");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("I har ingen abonnementer endnu").contains("href=\"/subscriptions/new\"")
                .doesNotContain("<table");
    }

    private static String row(String body, String course) {
        var matcher = Pattern.compile("<tr data-course=\"" + course + "\".*?</tr>", Pattern.DOTALL).matcher(body);
        assertThat(matcher.find()).as("a row for course %s in:\n%s", course, body).isTrue();
        return matcher.group();
    }

    private static String newSchool(RunningNotifier notifier, String name) {
        return notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "it@example.org"))
                .body().get("apiKey").asString();
    }
}
