package dk.amu.catalogue.notifier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: the admin manages schools, a school only its own things, and a stranger nothing. */
@ExtendWith(CatalogueInfrastructure.class)
class SchoolAccessTests {

    Api api;

    @BeforeEach
    void setUp() {
        api = RunningNotifier.shared().api();
    }

    @Test
    void shouldShowTheKeyOnceAndAcceptItUntilRotatedOrRevoked() {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Skole A", "email", "a@example.org"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrder("id", "name", "apiKey");
        var id = created.body().get("id").asString();
        var key = created.body().get("apiKey").asString();
        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions", key).text()).doesNotContain(key);

        var rotated = api.post("/api/schools/" + id + "/key", RunningNotifier.ADMIN_TOKEN, null);
        var newKey = rotated.body().get("apiKey").asString();
        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(401);
        assertThat(api.get("/api/subscriptions", newKey).status()).isEqualTo(200);

        assertThat(api.delete("/api/schools/" + id + "/key", RunningNotifier.ADMIN_TOKEN).status()).isEqualTo(204);
        var revoked = api.get("/api/subscriptions", newKey);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.body().get("detail").asString()).contains("rotated or revoked");
    }

    @Test
    void shouldRefuseWithoutTheRightTokenAsProblemDetails() {
        var key = school("Skole B");
        var none = api.get("/api/subscriptions", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("type").asString()).endsWith("/unauthorized");
        assertThat(api.post("/api/schools", null, Map.of("name", "x", "email", "x@example.org")).status()).isEqualTo(401);
        assertThat(api.post("/api/schools", "wrong", Map.of("name", "x", "email", "x@example.org")).status()).isEqualTo(401);
        var asSchool = api.post("/api/schools", key, Map.of("name", "x", "email", "x@example.org"));
        assertThat(asSchool.status()).isEqualTo(403);
        assertThat(asSchool.body().get("detail").asString()).contains("admin token");
        assertThat(api.get("/api/subscriptions", RunningNotifier.ADMIN_TOKEN).status()).isEqualTo(403);
    }

    @Test
    void shouldNotLetOneSchoolSeeOrChangeAnothersSubscriptionsOrDeliveries() {
        var a = school("Skole C");
        var b = school("Skole D");
        var created = api.post("/api/subscriptions", a, Map.of("fkbCodes", List.of("x"), "email", "c@example.org"));
        assertThat(created.status()).isEqualTo(201);
        var id = created.body().get("id").asString();
        var path = "/api/subscriptions/" + id;

        assertThat(api.get(path, a).status()).isEqualTo(200);
        assertThat(api.get(path, b).status()).isEqualTo(404);
        assertThat(api.get("/api/subscriptions/" + UUID.randomUUID(), b).status()).isEqualTo(404);
        assertThat(api.put(path, b, Map.of("email", "evil@example.org")).status()).isEqualTo(404);
        assertThat(api.post(path + "/secret", b, null).status()).isEqualTo(404);
        assertThat(api.delete(path, b).status()).isEqualTo(404);
        assertThat(api.get("/api/subscriptions", b).body()).isEmpty();
        assertThat(api.get("/api/deliveries", b).body()).isEmpty();
        assertThat(api.post("/api/deliveries/1/redrive", b, null).status()).isEqualTo(404);
        assertThat(api.get(path, a).body().get("email").asString()).isEqualTo("c@example.org");
        assertThat(api.delete(path, a).status()).isEqualTo(204);
    }

    @Test
    void shouldRotateTheWebhookSecretKeepingTheOldOneSigning() {
        var a = school("Skole E");
        var created = api.post("/api/subscriptions", a, Map.of("webhookUrl", "http://127.0.0.1:9/x"));
        var id = created.body().get("id").asString();
        var old = created.body().get("webhookSecret").asString();
        assertThat(old).startsWith("whsec_");
        assertThat(created.body().get("feeds").get("ical").asString()).contains("/feeds/");
        var rotated = api.post("/api/subscriptions/" + id + "/secret", a, null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body().get("webhookSecret").asString()).startsWith("whsec_").isNotEqualTo(old);
    }

    @Test
    void shouldRefuseASubscriptionWithoutChannelOrWithUnknownTypes() {
        var a = school("Skole F");
        var empty = api.post("/api/subscriptions", a, Map.of("fkbCodes", List.of("x")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("detail").asString()).contains("webhookUrl");
        var unknown = api.post("/api/subscriptions", a, Map.of("email", "f@example.org", "eventTypes", List.of("Nope")));
        assertThat(unknown.status()).isEqualTo(400);
        var hour = api.post("/api/subscriptions", a, Map.of("email", "f@example.org", "delivery", "DAILY_DIGEST", "digestHour", 24));
        assertThat(hour.status()).isEqualTo(400);
    }

    private String school(String name) {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("apiKey").asString();
    }
}
