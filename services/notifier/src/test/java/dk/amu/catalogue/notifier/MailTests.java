package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** E-mail through a real SMTP server (GreenMail): at once, as a daily digest, and to a school whose endpoint was switched off. */
@ExtendWith(CatalogueInfrastructure.class)
class MailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static MutableClock clock = MutableClock.at(START);

    static RunningNotifier notifier;

    static Events events;

    @BeforeAll
    static void start() {
        notifier = RunningNotifier.start(clock, Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", ServerSetupTest.SMTP.getPort()));
        events = new Events();
    }

    @AfterAll
    static void stop() {
        events.close();
        notifier.close();
    }

    @Test
    void shouldMailEachNoticeAtOnceAndADigestAtTheDigestHour() throws Exception {
        clock.setTo(START);
        var fkb = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Mailskole", "email", "skole@example.org"))
                .body().get("apiKey").asString();
        api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "straks@example.org"));
        api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "samlet@example.org",
                "delivery", "DAILY_DIGEST", "digestHour", 7));

        events.ingest(fkb, clock.instant(), revised("Mail-FKB", START), linked("3001", "E1", START, null));
        events.ingest(fkb, clock.instant(), linked("3002", "E1", START, null));
        notifier.settle();
        var immediate = smtp.getReceivedMessagesForDomain("example.org");
        assertThat(immediate).hasSize(2).allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("straks@example.org"));
        assertThat(immediate[0].getSubject()).contains("følges nu, med 1 kursus");
        assertThat(GreenMailUtil.getBody(immediate[0])).contains("text/plain").contains("text/html").contains("<li>");
        assertThat(GreenMailUtil.getBody(immediate[1])).contains("3002");

        clock.setTo(START.plusDays(1).atTime(LocalTime.of(7, 1)).atZone(MutableClock.CATALOGUE_ZONE).toInstant());
        notifier.settle();
        var all = smtp.getReceivedMessages();
        assertThat(all).hasSize(3);
        assertThat(all[2].getAllRecipients()[0].toString()).isEqualTo("samlet@example.org");
        assertThat(all[2].getSubject()).isEqualTo("AMU-kataloget: 2 ændringer");
    }

    @Test
    void shouldKeepEveryMailAttemptInTheDeliverysHistory() {
        clock.setTo(START);
        var fkb = "tries-" + UUID.randomUUID().toString().substring(0, 8);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Forsøg", "email", "forsoeg@example.org"))
                .body().get("apiKey").asString();
        var subscription = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "forsoeg@example.org"))
                .body().get("id").asString();
        smtp.stop();
        events.ingest(fkb, clock.instant(), revised("Forsøg-FKB", START));
        notifier.settle();
        var failedAt = clock.instant();
        smtp.start();
        clock.advance(Duration.ofSeconds(6));
        notifier.settle();

        var id = api.get("/api/deliveries?subscription=" + subscription, key).body().get(0).get("id").asLong();
        var detail = api.get("/api/deliveries/" + id, key).body();
        assertThat(detail.get("delivery").get("status").asString()).isEqualTo("DELIVERED");
        var attempts = detail.get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(Instant.parse(attempts.get(0).get("attemptedAt").asString())).isEqualTo(clock.instant());
        assertThat(attempts.get(0).get("error").isNull()).isTrue();
        assertThat(attempts.get(1).get("attempt").asInt()).isEqualTo(1);
        assertThat(Instant.parse(attempts.get(1).get("attemptedAt").asString())).isEqualTo(failedAt);
        assertThat(attempts.get(1).get("error").asString()).isNotBlank();
        assertThat(attempts).allSatisfy(a -> assertThat(a.get("statusCode").isNull()).as("mail has no HTTP status").isTrue());
    }

    @Test
    void shouldMailTheSchoolWhenItsEndpointIsSwitchedOff() throws Exception {
        clock.setTo(START);
        smtp.reset();
        var fkb = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Gone", "email", "gone@example.org"))
                .body().get("apiKey").asString();
        try (var receiver = WebhookReceiver.start()) {
            receiver.answer(410);
            api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
            events.ingest(fkb, clock.instant(), revised("Gone-FKB", START));
            notifier.settle();
            assertThat(receiver.received()).hasSize(1);
        }
        var mails = smtp.getReceivedMessagesForDomain("example.org");
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("gone@example.org");
        assertThat(mails[0].getSubject()).contains("pause");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("410");
    }
}
