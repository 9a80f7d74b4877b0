package dk.amu.catalogue.notifier.portal.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.schools.SchoolRepository;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRequest;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.PortalClient;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription pages over plain HTTP, as a browser without JavaScript posts them: the form refused
 * with its errors beside their fields and nothing saved, then accepted; editing; the secret's rotation
 * and its overlap; deleting behind a confirmation; a thousand subscriptions a page at a time; and a
 * second school that sees none of it.
 */
@ExtendWith(CatalogueInfrastructure.class)
class SubscriptionPagesTests {

    private static final Pattern ID = Pattern.compile("/subscriptions/([0-9a-f-]{36})");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private final String fkb = "portal-" + suffix;

    private RunningNotifier notifier;

    @BeforeEach
    void start() {
        notifier = RunningNotifier.shared();
        RunningNotifier.sharedClock().setTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void shouldShowEveryMistakeInDanishBesideItsFieldSaveNothingAndThenCreateTheCorrectedOne() {
        var title = "Portalprøve " + suffix;
        try (var events = new Events()) {
            events.ingest(fkb, Instant.parse("2025-02-01T10:00:00Z"), Events.revised(title, LocalDate.of(2025, 2, 1)),
                    Events.linked("47299", "AD", LocalDate.of(2025, 1, 1), null));
        }
        notifier.settle();
        var key = newSchool("Formularskolen");
        var browser = new PortalClient(notifier.port()).signIn(key);

        var blank = browser.get("/subscriptions/new");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("Nyt abonnement").contains("value=\"90, 30, 7\"").contains("Slutdato varslet")
                .contains("Advarsel før udløb").doesNotContain("Skift hemmelighed");
        var found = browser.get("/subscriptions/options/fkbs?q=" + suffix);
        assertThat(found.body()).contains("value=\"" + fkb + "\"").contains(title).doesNotContain("checked");
        assertThat(browser.get("/subscriptions/options/fkbs?q=" + suffix + "&fkbCodes=" + fkb).body()).contains("checked");
        assertThat(browser.get("/subscriptions/options/courses?q=4729").body()).contains("value=\"47299\"");

        var wrong = browser.post("/subscriptions", blank.csrf(), Map.of("fkbCodes", fkb, "webhookUrl", "ftp://skole.dk/hook",
                "email", "ikke-en-adresse", "leadDays", "90, mange", "digestHour", "25"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Abonnementet er ikke gemt")
                .contains("Skriv en hel adresse, der begynder med https://")
                .contains("Skriv en gyldig e-mailadresse")
                .contains("Skriv hele dage fra 0 til 3650")
                .contains("Skriv en time fra 0 til 23")
                .contains("aria-describedby=\"webhookUrl-hint webhookUrl-error\"")
                .contains("id=\"webhookUrl-error\"")
                .contains("aria-describedby=\"email-error \"")
                .contains("value=\"ftp://skole.dk/hook\"").contains("value=\"90, mange\"")
                .as("the chosen FKB is still chosen, with its title").contains(title);
        assertThat(count(wrong.body(), "aria-invalid=\"true\"")).isEqualTo(4);
        var none = browser.post("/subscriptions", blank.csrf(), Map.of("fkbCodes", fkb));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("Angiv en webhook-adresse, en e-mailadresse eller begge")
                .contains("aria-describedby=\"webhookUrl-hint channels-error\"");
        assertThat(notifier.api().get("/api/subscriptions", key).body()).as("nothing saved").isEmpty();

        var created = browser.post("/subscriptions", blank.csrf(), Map.of("fkbCodes", fkb, "courseNumbers", "47299",
                "eventTypes", "CourseLinked", "email", "it@formularskolen.dk", "leadDays", "60, 14",
                "delivery", "DAILY_DIGEST", "digestHour", "6"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        var id = id(created.location());
        assertThat(created.location()).isEqualTo("/subscriptions/" + id + "?created");
        var saved = notifier.api().get("/api/subscriptions/" + id, key).body();
        assertThat(saved.get("fkbCodes").get(0).asString()).isEqualTo(fkb);
        assertThat(saved.get("leadDays").toString()).isEqualTo("[60,14]");
        assertThat(saved.get("delivery").asString()).isEqualTo("DAILY_DIGEST");
        assertThat(saved.get("digestHour").asInt()).isEqualTo(6);
        assertThat(browser.get(created.location()).body()).contains("Abonnementet er oprettet");

        var list = browser.get("/subscriptions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-subscription=\"" + id + "\"").contains(fkb).contains(title)
                .contains("47299").contains("Kursus 47299").contains("Kursus tilkoblet").contains("it@formularskolen.dk")
                .contains("Én mail om dagen kl. 06:00").contains("Aktiv").contains("href=\"/subscriptions/" + id + "\"");
    }

    @Test
    void shouldEditASubscriptionShowingTheServicesRefusalBesideTheWebhookField() {
        var key = newSchool("Redigeringsskolen");
        var id = subscribe(key, "redigering@example.org");
        var browser = new PortalClient(notifier.port()).signIn(key);

        var page = browser.get("/subscriptions/" + id);
        assertThat(page.status()).isEqualTo(200);
        var secret = notifier.api().get("/api/subscriptions/" + id, key).body().get("webhookSecret").asString();
        assertThat(page.body()).contains("value=\"redigering@example.org\"").contains(secret).contains("Skift hemmelighed")
                .contains("/calendar.ics").contains("/atom.xml").contains("id=\"test-message\"").contains("Abonnementet har ingen webhook")
                .contains("value=\"" + fkb + "\" checked");

        var unresolvable = browser.post("/subscriptions/" + id, page.csrf(), Map.of("fkbCodes", fkb,
                "webhookUrl", "https://ingen-saadan-vaert.invalid/hook", "email", "redigering@example.org"));
        assertThat(unresolvable.status()).isEqualTo(422);
        assertThat(unresolvable.body()).contains("Adressen kan ikke bruges").contains("id=\"webhookUrl-error\"");
        assertThat(notifier.api().get("/api/subscriptions/" + id, key).body().get("webhookUrl").isNull()).isTrue();

        var saved = browser.post("/subscriptions/" + id, page.csrf(), Map.of("fkbCodes", fkb, "euuCodes", "AD",
                "email", "ny@example.org", "leadDays", ""));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/subscriptions/" + id + "?saved");
        var after = notifier.api().get("/api/subscriptions/" + id, key).body();
        assertThat(after.get("email").asString()).isEqualTo("ny@example.org");
        assertThat(after.get("euuCodes").get(0).asString()).isEqualTo("AD");
        assertThat(after.get("leadDays").toString()).as("empty: the defaults").isEqualTo("[90,30,7]");
        assertThat(after.get("webhookSecret").asString()).as("editing keeps the secret").isEqualTo(secret);
        assertThat(browser.get(saved.location()).body()).contains("Ændringerne er gemt.").contains("value=\"ny@example.org\"");
    }

    @Test
    void shouldRotateTheSecretAndShowTheOldOneUntilItsOverlapEnds() {
        var key = newSchool("Rotationsskolen");
        var id = subscribe(key, "rotation@example.org");
        var old = notifier.api().get("/api/subscriptions/" + id, key).body().get("webhookSecret").asString();
        var browser = new PortalClient(notifier.port()).signIn(key);
        var page = browser.get("/subscriptions/" + id);
        assertThat(page.body()).doesNotContain("id=\"previous-secret\"");

        var rotated = browser.post("/subscriptions/" + id + "/secret", page.csrf(), Map.of());
        assertThat(rotated.status()).isEqualTo(303);
        assertThat(rotated.location()).isEqualTo("/subscriptions/" + id + "#secret");
        var now = notifier.api().get("/api/subscriptions/" + id, key).body().get("webhookSecret").asString();
        assertThat(now).isNotEqualTo(old);
        var after = browser.get("/subscriptions/" + id).body();
        // the shared clock stands at noon of 01-03-2025 in Copenhagen; the old secret signs for 24 hours more
        assertThat(after).contains(now).contains("id=\"previous-secret\"").contains(old)
                .contains("Den tidligere hemmelighed, gyldig til 02-03-2025 12:00");

        RunningNotifier.sharedClock().advance(Duration.ofHours(25));
        assertThat(browser.get("/subscriptions/" + id).body()).contains(now).doesNotContain(old)
                .doesNotContain("id=\"previous-secret\"");
        assertThat(browser.post("/subscriptions/" + id + "/secret", null, Map.of()).status()).as("without CSRF").isEqualTo(403);
    }

    @Test
    void shouldDeleteOnlyAfterTheConfirmation() {
        var key = newSchool("Sletteskolen");
        var id = subscribe(key, "slet@example.org");
        var browser = new PortalClient(notifier.port()).signIn(key);

        var confirm = browser.get("/subscriptions/" + id + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Vil I slette dette abonnement?").contains("slet@example.org")
                .contains("Ja, slet abonnementet");
        assertThat(notifier.api().get("/api/subscriptions/" + id, key).status()).as("asking deletes nothing").isEqualTo(200);
        assertThat(browser.post("/subscriptions/" + id + "/delete", null, Map.of()).status()).isEqualTo(403);
        assertThat(notifier.api().get("/api/subscriptions/" + id, key).status()).isEqualTo(200);

        var deleted = browser.post("/subscriptions/" + id + "/delete", confirm.csrf(), Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).isEqualTo("/subscriptions?deleted");
        assertThat(browser.get(deleted.location()).body()).contains("Abonnementet er slettet.").contains("I har ingen abonnementer endnu.");
        assertThat(browser.get("/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(notifier.api().get("/api/subscriptions/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void shouldShowASecondSchoolNoneOfTheFirstsSubscriptionsAndNotFindThem() {
        var first = newSchool("Første skole");
        var id = subscribe(first, "foerste@example.org");
        var second = new PortalClient(notifier.port()).signIn(newSchool("Anden skole"));
        var csrf = second.get("/subscriptions").csrf();

        assertThat(second.get("/subscriptions").body()).doesNotContain(id.toString()).doesNotContain("foerste@example.org")
                .contains("I har ingen abonnementer endnu.");
        for (var path : List.of("/subscriptions/" + id, "/subscriptions/" + id + "/delete", "/subscriptions/ikke-et-id")) {
            assertThat(second.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(second.get("/subscriptions/" + id).body()).contains("Ikke fundet").doesNotContain("foerste@example.org");
        assertThat(second.post("/subscriptions/" + id, csrf, Map.of("email", "kapret@example.org")).status()).isEqualTo(404);
        assertThat(second.post("/subscriptions/" + id + "/secret", csrf, Map.of()).status()).isEqualTo(404);
        assertThat(second.post("/subscriptions/" + id + "/delete", csrf, Map.of()).status()).isEqualTo(404);
        var still = notifier.api().get("/api/subscriptions/" + id, first);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.body().get("email").asString()).isEqualTo("foerste@example.org");
    }

    @Test
    void shouldListAThousandSubscriptionsFiftyToAPageQuickly() {
        var key = newSchool("Tusindskolen");
        var school = notifier.bean(SchoolRepository.class).byKey(key).orElseThrow().id();
        var subscriptions = notifier.bean(Subscriptions.class);
        for (int i = 0; i < 1000; i++) {
            RunningNotifier.sharedClock().advance(Duration.ofSeconds(1));
            subscriptions.create(school, new SubscriptionRequest(Set.of(fkb), Set.of(String.valueOf(10000 + i)), Set.of(),
                    Set.of(), null, "tusind" + i + "@example.org", null, null, null, null));
        }
        var browser = new PortalClient(notifier.port()).signIn(key);
        browser.get("/subscriptions");

        long started = System.nanoTime();
        var first = browser.get("/subscriptions");
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(first.status()).isEqualTo(200);
        assertThat(count(first.body(), "data-subscription=")).isEqualTo(50);
        assertThat(first.body()).contains("Side 1 af 20, 1–50 af 1.000").contains("href=\"/subscriptions?page=2\"")
                .as("newest first").contains("tusind999@example.org").doesNotContain("tusind0@example.org");
        assertThat(took).as("the first page of a thousand").isLessThan(Duration.ofSeconds(2));
        var last = browser.get("/subscriptions?page=20");
        assertThat(count(last.body(), "data-subscription=")).isEqualTo(50);
        assertThat(last.body()).contains("Side 20 af 20").contains("tusind0@example.org").doesNotContain("Næste side");
        assertThat(browser.get("/subscriptions?page=99").body()).as("past the end: the last page").contains("Side 20 af 20");
        assertThat(browser.get("/subscriptions?page=x").body()).contains("Side 1 af 20");

        started = System.nanoTime();
        assertThat(browser.get("/upcoming").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the scope of a thousand").isLessThan(Duration.ofSeconds(2));
    }

    private String newSchool(String name) {
        return notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "it@example.org"))
                .body().get("apiKey").asString();
    }

    private UUID subscribe(String key, String email) {
        var created = notifier.api().post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", email));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }


    private static UUID id(String location) {
        var matcher = ID.matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
