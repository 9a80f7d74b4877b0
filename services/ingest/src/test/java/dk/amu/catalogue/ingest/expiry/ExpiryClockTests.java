package dk.amu.catalogue.ingest.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static dk.amu.catalogue.testkit.MutableClock.CATALOGUE_ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The expiry clock against a real broker, with time moved by hand: a link ending 30-06-2025
 * expires at 01-07-2025 00:00 Copenhagen time, exactly once, also across a restart of the service;
 * an end date moved later in time is the one that counts.
 */
@IngestTest
class ExpiryClockTests {

    static final String ROW_47299 = "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 ";

    /** The clock of the service after a restart on 01-08-2025. */
    @TestConfiguration
    static class RestartClock {

        @Bean
        @Primary
        MutableClock restartClock() {
            return MutableClock.at(LocalDate.of(2025, 8, 1));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ExpiryClock expiryClock;

    UploadClient client;

    SettledLog log;

    String fkb = DocumentVariants.uniqueFkb("expiry");

    /** Only course 47299 has an end: 30-06-2025. */
    String endingJune = FixtureDocuments.withRow(DocumentVariants.videnOpenEnded(), "47299", ROW_47299 + "til 30-06-2025");

    @BeforeEach
    void setUp() {
        clock.setTo(LocalDate.of(2025, 6, 1));
        client = new UploadClient(port, "s3cret");
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    // the restarted service fences this context's transactional producers, so it must not be reused
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void shouldExpireALinkExactlyOnceWhenTheDayAfterItsEndBeginsEvenAcrossARestart() {
        clock.setTo(LocalDate.of(2025, 6, 1));
        ingest(endingJune);

        clock.setTo(copenhagen(LocalDateTime.of(2025, 6, 30, 23, 59)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce())).isEmpty();

        clock.setTo(copenhagen(LocalDateTime.of(2025, 7, 1, 0, 0, 1)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce()))
                .extracting(e -> ((CourseLinkExpired) e.getPayload()).getCourseNumber(), CatalogueEvent::getEffectiveDate)
                .containsExactly(tuple("47299", LocalDate.of(2025, 7, 1)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce())).isEmpty();

        try (var restarted = new SpringApplicationBuilder(IngestApplication.class, RestartClock.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.name=ingest", "--catalogue.ingest.scheduling=false",
                        "--spring.kafka.bootstrap-servers=" + CatalogueInfrastructure.running().bootstrapServers(),
                        "--catalogue.registry-url=" + CatalogueInfrastructure.running().registryUrl(),
                        "--catalogue.ingest.auto-register-schemas=true")) {
            assertThat(restarted.getBean(Clock.class).instant()).isEqualTo(MutableClock.at(LocalDate.of(2025, 8, 1)).instant());
            assertThat(expiriesOfThisFkb(restarted.getBean(ExpiryClock.class).runOnce())).isEmpty();
        }

        assertThat(log.events(fkb)).filteredOn(e -> e.type().equals("CourseLinkExpired"))
                .extracting(Event::courseNumber, Event::effectiveDate)
                .containsExactly(tuple("47299", LocalDate.of(2025, 7, 1)));
    }

    @Test
    void shouldNeverExpireALinkAtTheOldDateWhenItsEndWasMovedLater() {
        clock.setTo(LocalDate.of(2025, 6, 1));
        ingest(endingJune);
        clock.setTo(LocalDate.of(2025, 6, 15));
        var moved = ingest(FixtureDocuments.withRow(endingJune, "47299", ROW_47299 + "til 31-12-2025"));
        assertThat(moved.get("counts").get("CourseLinkEndScheduled").asInt()).isEqualTo(1);

        clock.setTo(copenhagen(LocalDateTime.of(2025, 7, 1, 0, 0, 1)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce())).isEmpty();
        clock.setTo(copenhagen(LocalDateTime.of(2025, 12, 31, 23, 59)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce())).isEmpty();

        clock.setTo(copenhagen(LocalDateTime.of(2026, 1, 1, 0, 0, 1)));
        assertThat(expiriesOfThisFkb(expiryClock.runOnce())).hasSize(1);

        var expired = log.events(fkb).stream().filter(e -> e.type().equals("CourseLinkExpired")).toList();
        assertThat(expired).extracting(Event::courseNumber, Event::effectiveDate)
                .containsExactly(tuple("47299", LocalDate.of(2026, 1, 1)));
        assertThat(((GenericRecord) expired.get(0).record().get("payload")).get("linkedTo"))
                .isEqualTo((int) LocalDate.of(2025, 12, 31).toEpochDay());
    }

    private JsonNode ingest(String document) {
        var response = client.upload(fkb, "viden.txt", bytes(document));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** The expiry clock looks at every FKB on the shared broker; these tests judge only their own. */
    private List<CatalogueEvent> expiriesOfThisFkb(List<CatalogueEvent> emitted) {
        return emitted.stream().filter(event -> event.getFkbCode().equals(fkb)).toList();
    }

    private static Instant copenhagen(LocalDateTime time) {
        return time.atZone(CATALOGUE_ZONE).toInstant();
    }
}
