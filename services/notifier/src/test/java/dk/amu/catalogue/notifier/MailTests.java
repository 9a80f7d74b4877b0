package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static dk.amu.catalogue.notifier.support.Events.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail through a real SMTP server (GreenMail): one mail per ingestion, a warning on its own, a daily
 * digest, and to a school whose endpoint was switched off.
 */
@ExtendWith(CatalogueInfrastructure.class)
class MailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    /** Past the default immediate window (30 s). */
    static final Duration WINDOW = Duration.ofSeconds(31);

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
    void shouldMailEachIngestionOnceCompleteAndADigestAtTheDigestHour() throws Exception {
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
        // the first ingestion is complete, for the second followed it; the second waits for the window
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        clock.advance(WINDOW);
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
        // an ingestion's mail waits for the immediate window, then its first attempt fails
        clock.advance(Duration.ofSeconds(31));
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
    void shouldMailOneNewVersionOfAnFkbAsOneMailWithEndsAndRemovalsFirst() throws Exception {
        clock.setTo(START);
        var fkb = "group-" + UUID.randomUUID().toString().substring(0, 8);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Gruppeskole", "email", "g@example.org"))
                .body().get("apiKey").asString();
        api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "gruppe@example.org"));

        events.ingest(fkb, clock.instant(), revised("Gruppe-FKB", START), linked("4101", "E1", START, null),
                linked("4102", "E1", START, null), linked("4103", "E1", START, null));
        notifier.settle();
        assertThat(mailsTo("gruppe@example.org")).as("the first ingestion may go on in the next poll").isEmpty();

        // the second version comes in two polls: its first part completes the first ingestion, and warns
        var afterFirstPart = new ArrayList<MimeMessage>();
        events.ingestInTwo(fkb, clock.instant(), 2, () -> {
            notifier.settle();
            afterFirstPart.addAll(mailsTo("gruppe@example.org"));
        }, linked("4201", "E1", START, null), endScheduled("4101", LocalDate.of(2025, 3, 20), START),
                unlinked("4102", "E1", START, "4201", START));
        assertThat(afterFirstPart).extracting(MimeMessage::getSubject).containsExactly(
                "AMU-kataloget: FKB Gruppe-FKB (" + fkb + ") følges nu, med 3 kurser.",
                "AMU-kataloget: Kursus 4101 Kursus 4101 udløber i FKB " + fkb + " den 20-03-2025, om 19 dage.");
        notifier.settle();
        assertThat(mailsTo("gruppe@example.org")).as("the second version waits for the rest of it").hasSize(2);

        // a third version, in two polls 20 s apart, shows the second complete as soon as it begins: the
        // second's one mail goes at once, with every change, ends and removals first
        events.ingestInTwo(fkb, clock.instant(), 1, () -> {
            notifier.settle();
            clock.advance(Duration.ofSeconds(20));
        }, linked("4301", "E2", START, null), linked("4302", "E2", START, null));
        notifier.settle();
        var mails = mailsTo("gruppe@example.org");
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).getSubject()).isEqualTo("AMU-kataloget: 3 ændringer i FKB Gruppe-FKB (" + fkb + ")");
        var text = part(mails.get(2), "text/plain");
        assertThat(text).contains("En ny udgave af FKB Gruppe-FKB (" + fkb + ") er læst ind.");
        assertThat(text.lines().filter(line -> line.startsWith("- ")).toList()).containsExactly(
                "- Kursus 4101 Kursus 4101 udgår af FKB " + fkb + " efter 20-03-2025.",
                "- Kursus 4102 Kursus 4102 er fjernet fra FKB " + fkb + ". Det erstattes sandsynligvis af 4201 Kursus 4201.",
                "- Kursus 4201 Kursus 4201 er knyttet til FKB " + fkb + " fra 01-03-2025.");
        assertThat(part(mails.get(2), "text/html")).containsSubsequence("<li>Kursus 4101", "<li>Kursus 4102", "<li>Kursus 4201");

        // the third version is the FKB's last so far: it goes once the window has passed since its first
        // part, its second part with it, as one more mail
        clock.advance(Duration.ofSeconds(11));
        notifier.settle();
        mails = mailsTo("gruppe@example.org");
        assertThat(mails).hasSize(4);
        assertThat(mails.get(3).getSubject()).isEqualTo("AMU-kataloget: 2 ændringer i FKB Gruppe-FKB (" + fkb + ")");
        assertThat(part(mails.get(3), "text/plain")).contains("4301").contains("4302").doesNotContain("4201");
        assertThat(api.get("/api/deliveries?status=DELIVERED", key).body().size()).as("each delivery is recorded").isEqualTo(7);
        assertThat(api.get("/api/deliveries?status=PENDING", key).body().size()).isZero();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** The body of the given type, wherever the multipart nests it. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
