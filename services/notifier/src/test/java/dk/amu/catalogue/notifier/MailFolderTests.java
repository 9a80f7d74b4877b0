package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.PortalClient;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP server, mails land as .eml files that /mail lists, to the operator only. */
@ExtendWith(CatalogueInfrastructure.class)
class MailFolderTests {

    @Test
    void shouldWriteMailsAsFilesAndListThemAtMail() {
        var notifier = RunningNotifier.shared();
        RunningNotifier.sharedClock().setTo(LocalDate.of(2025, 3, 1));
        var fkb = "folder-" + UUID.randomUUID().toString().substring(0, 8);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Mappe", "email", "m@example.org"))
                .body().get("apiKey").asString();
        api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "mappe@example.org"));
        try (var events = new Events()) {
            events.ingest(fkb, RunningNotifier.sharedClock().instant(), revised("Mappe-FKB", LocalDate.of(2025, 3, 1)));
        }
        notifier.settle();
        // the FKB's first ingestion is mailed once the immediate window has passed
        RunningNotifier.sharedClock().advance(Duration.ofSeconds(31));
        notifier.settle();
        assertThat(api.get("/mail", null).status()).as("every school's mail is the operator's to read").isEqualTo(303);
        assertThat(new PortalClient(notifier.port()).signIn(key).get("/mail").status()).isEqualTo(303);

        var operator = new PortalClient(notifier.port()).signInAsOperator(RunningNotifier.ADMIN_TOKEN);
        var page = operator.get("/mail");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("target/mail-");
        var name = page.body().replaceAll("(?s).*href=\"/mail/([^\"]+)\".*", "$1");
        var mail = operator.get("/mail/" + name);
        assertThat(mail.status()).isEqualTo(200);
        assertThat(mail.body()).contains("mappe@example.org").contains("Subject:");
        assertThat(operator.get("/mail/..%2Fpom.xml").status()).isIn(400, 404);
    }
}
