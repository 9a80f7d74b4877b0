package dk.amu.catalogue.audit.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.amu.catalogue.audit.support.CommandRun;
import dk.amu.catalogue.audit.support.IngestTimeline;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.audit.support.LogCopier;
import dk.amu.catalogue.audit.support.LogCopier.Copied;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verify against copies of the log made by an independent byte-level copier: a clean copy passes,
 * and each kind of tampering fails with exit code 1, naming the FKB, the sequence, the partition and
 * the offset in the copy.
 */
@ExtendWith(CatalogueInfrastructure.class)
class VerifyTamperedCopyTests {

    static IngestTimeline timeline;

    static LogCopier copier;

    String copy = "audit-tests.copy-" + UUID.randomUUID();

    @BeforeAll
    static void writeTimeline() {
        timeline = IngestTimeline.shared(CatalogueInfrastructure.running());
        copier = new LogCopier(CatalogueInfrastructure.running().bootstrapServers());
    }

    CommandRun verifyCopy() {
        return CommandRun.of(CommandRun.kafka(), "verify", "--topic", copy);
    }

    @Test
    void shouldPassAnUntouchedCopy() {
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
        });

        var run = verifyCopy();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Verified " + copy).contains("OK:");
    }

    @Test
    void shouldNameTheRecordWithAnAlteredByte() {
        var at = new LogCopier.Located[1];
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
            at[0] = partitions.nth(timeline.viden(), 10);
            var list = partitions.partition(at[0].partition());
            var record = list.get(at[0].index());
            list.set(at[0].index(), new Copied(record.key(), lastLowercaseLetterChanged(record.value())));
        });

        var run = verifyCopy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ALTERED FKB " + timeline.viden() + " sequence 10 at " + copy + " partition "
                + at[0].partition() + " offset " + at[0].index() + ":");
        assertThat(run.err()).contains("verification failed");
    }

    @Test
    void shouldNameTheSequenceAfterARemovedRecord() {
        var at = new LogCopier.Located[1];
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
            at[0] = partitions.nth(timeline.viden(), 10);
            partitions.partition(at[0].partition()).remove(at[0].index());
        });

        var run = verifyCopy();

        assertThat(run.exitCode()).isEqualTo(1);
        // sequence 11 moved into the removed record's offset
        assertThat(run.out()).contains("MISSING FKB " + timeline.viden() + " sequence 11 at " + copy + " partition "
                + at[0].partition() + " offset " + at[0].index() + ": sequence 10 is missing");
    }

    @Test
    void shouldNameBothRecordsOfASwappedPair() {
        var at = new LogCopier.Located[1];
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
            at[0] = partitions.nth(timeline.viden(), 10);
            var eleventh = partitions.nth(timeline.viden(), 11);
            var list = partitions.partition(at[0].partition());
            var tenth = list.get(at[0].index());
            list.set(at[0].index(), list.get(eleventh.index()));
            list.set(eleventh.index(), tenth);
        });
        var eleventhAt = at[0].index();

        var run = verifyCopy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("MISSING FKB " + timeline.viden() + " sequence 11 at " + copy + " partition " + at[0].partition()
                        + " offset " + eleventhAt + ":")
                .contains("OUT_OF_ORDER FKB " + timeline.viden() + " sequence 10 at " + copy + " partition "
                        + at[0].partition() + " offset ");
    }

    @Test
    void shouldTellATruncatedChainByItsSnapshot() {
        var last = new int[1];
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
            int count = 1;
            while (hasNth(partitions, timeline.viden(), count + 1)) {
                count++;
            }
            last[0] = count;
            var at = partitions.nth(timeline.viden(), count);
            partitions.partition(at.partition()).remove(at.index());
        });

        var run = verifyCopy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("SNAPSHOT_MISMATCH FKB " + timeline.viden() + " sequence " + last[0] + " at "
                + CatalogueTopics.SNAPSHOTS + " partition ")
                .contains("the events end at sequence " + (last[0] - 1));
    }

    @Test
    void shouldNameARecordThatIsNotAnEvent() {
        var at = new LogCopier.Located[1];
        copier.copy(CatalogueTopics.EVENTS, copy, partitions -> {
            at[0] = partitions.nth(timeline.viden(), 1);
            var list = partitions.partition(at[0].partition());
            list.add(new Copied(timeline.viden().getBytes(UTF_8), "not avro".getBytes(UTF_8)));
            at[0] = new LogCopier.Located(at[0].partition(), list.size() - 1);
        });

        var run = verifyCopy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("UNDECODABLE FKB " + timeline.viden() + " at " + copy + " partition "
                + at[0].partition() + " offset " + at[0].index() + ":");
    }

    private static boolean hasNth(LogCopier.Partitions partitions, String key, int n) {
        try {
            partitions.nth(key, n);
            return true;
        }
        catch (AssertionError ex) {
            return false;
        }
    }

    private static byte[] lastLowercaseLetterChanged(byte[] value) {
        var altered = value.clone();
        for (int i = altered.length - 1; i >= 5; i--) {
            if (altered[i] >= 'a' && altered[i] <= 'y') {
                altered[i]++;
                return altered;
            }
        }
        throw new AssertionError("no letter to alter");
    }
}
