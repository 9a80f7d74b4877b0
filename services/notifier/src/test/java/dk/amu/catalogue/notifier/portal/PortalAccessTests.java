package dk.amu.catalogue.notifier.portal;

import java.util.Map;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.support.PortalClient;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets into the portal, over plain HTTP as a browser sends it: the school's key and the admin
 * token posted from their forms, the session cookie's flags, CSRF on every form, deny by default,
 * and the operator creating and disabling a school.
 */
@ExtendWith(CatalogueInfrastructure.class)
class PortalAccessTests {

    private static final Pattern KEY = Pattern.compile("amuk_[A-Za-z0-9_-]{20,}");

    @Test
    void shouldSignASchoolInWithAnHttpOnlyStrictCookieOfItsOwnName() {
        var notifier = RunningNotifier.shared();
        var key = newSchool(notifier, "Cookieskolen");
        var browser = new PortalClient(notifier.port());

        var form = browser.get("/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.response().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("amu-portal-login=").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(form.body()).contains("type=\"password\"").contains("Log ind");

        var answer = browser.post("/login", form.csrf(), Map.of("apiKey", key));
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo("/");
        assertThat(answer.response().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("amu-portal-session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain(key));
        var home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Logget ind som Cookieskolen.");
        assertThat(home.response().headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void shouldRefuseAWrongKeyInDanishAndAnEmptyOneNextToItsField() {
        var browser = new PortalClient(RunningNotifier.shared().port());
        var wrong = browser.post("/login", browser.get("/login").csrf(), Map.of("apiKey", "amuk_forkert"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Nøglen er ikke gyldig").contains("aria-invalid=\"true\"");
        var empty = browser.post("/login", browser.get("/login").csrf(), Map.of("apiKey", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Skriv jeres API-nøgle.");
        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void shouldRefuseEveryFormWithoutItsCsrfToken() {
        var notifier = RunningNotifier.shared();
        var key = newSchool(notifier, "CSRF-skolen");
        var browser = new PortalClient(notifier.port());
        browser.get("/login");
        assertThat(browser.post("/login", null, Map.of("apiKey", key)).status()).as("login without the form's token").isEqualTo(403);
        assertThat(browser.post("/login", "gættet", Map.of("apiKey", key)).status()).isEqualTo(403);

        browser.signIn(key);
        assertThat(browser.post("/logout", null, Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/").status()).as("still signed in: the refused form changed nothing").isEqualTo(200);
        var logout = browser.post("/logout", browser.get("/").csrf(), Map.of());
        assertThat(logout.status()).isEqualTo(303);
        assertThat(logout.location()).isEqualTo("/login");
        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void shouldSendABrowserWithoutASessionToTheLoginFromEveryPageButTheOpenOnes() {
        var browser = new PortalClient(RunningNotifier.shared().port());
        for (var path : new String[] { "/", "/subscriptions", "/deliveries", "/upcoming", "/some/page/added/later" }) {
            var page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(303);
            assertThat(page.location()).as(path).isEqualTo("/login");
        }
        assertThat(browser.get("/operator").location()).isEqualTo("/operator/login");
        assertThat(browser.get("/help").status()).isEqualTo(200);
        assertThat(browser.get("/help").body()).contains("com.standardwebhooks").contains("StandardWebhooks");
        assertThat(browser.get("/login?lang=en").body()).contains("Sign in");
    }

    @Test
    void shouldLetTheOperatorCreateASchoolShowItsKeyOnceAndDisableIt() {
        var notifier = RunningNotifier.shared();
        var operator = new PortalClient(notifier.port());
        var refused = operator.post("/operator/login", operator.get("/operator/login").csrf(), Map.of("token", "forkert"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("Admin-tokenet er ikke gyldigt.");
        operator.signInAsOperator(RunningNotifier.ADMIN_TOKEN);

        var page = operator.get("/operator");
        var invalid = operator.post("/operator/schools", page.csrf(), Map.of("name", "", "email", "ikke-en-adresse"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("Skriv skolens navn.").contains("Skriv en gyldig e-mailadresse");

        var created = operator.post("/operator/schools", page.csrf(), Map.of("name", "Operatørskolen", "email", "op@example.org"));
        assertThat(created.status()).isEqualTo(201);
        var matcher = KEY.matcher(created.body());
        assertThat(matcher.find()).isTrue();
        var key = matcher.group();
        assertThat(operator.get("/operator").body()).contains("Operatørskolen").doesNotContain(key);

        var school = new PortalClient(notifier.port()).signIn(key);
        assertThat(school.get("/operator").status()).as("a school is not the operator").isEqualTo(303);
        assertThat(notifier.api().get("/api/subscriptions", key).status()).isEqualTo(200);

        var id = Pattern.compile("data-school=\"([0-9a-f-]{36})\">\\s*<th scope=\"row\">Operatørskolen<")
                .matcher(operator.get("/operator").body());
        assertThat(id.find()).isTrue();
        var disabled = operator.post("/operator/schools/" + id.group(1) + "/disable", page.csrf(), Map.of());
        assertThat(disabled.status()).isEqualTo(303);
        assertThat(operator.get("/operator").body()).contains("Deaktiveret");
        assertThat(school.get("/").status()).as("its browser is signed out").isEqualTo(303);
        assertThat(notifier.api().get("/api/subscriptions", key).status()).as("its key stops working").isEqualTo(401);
        assertThat(notifier.api().get("/api/schools", RunningNotifier.ADMIN_TOKEN).text()).contains("Operatørskolen");
    }

    private static String newSchool(RunningNotifier notifier, String name) {
        return notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "it@example.org"))
                .body().get("apiKey").asString();
    }
}
