package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP server, mails land as .eml files that /mail lists. */
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
        var page = api.get("/mail", null);
        assertThat(page.status()).isEqualTo(200);
        var name = page.text().replaceAll("(?s).*href=\"/mail/([^\"]+)\".*", "$1");
        var mail = api.get("/mail/" + name, null);
        assertThat(mail.status()).isEqualTo(200);
        assertThat(mail.text()).contains("mappe@example.org").contains("Subject:");
        assertThat(api.get("/mail/..%2Fpom.xml", null).status()).isIn(400, 404);
    }
}
