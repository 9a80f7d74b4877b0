package dk.amu.catalogue.eventconsumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.amu.catalogue.eventconsumer.RedriveResult.Outcome;
import dk.amu.catalogue.eventconsumer.RedrivenLetters.Origin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * The operator's desk for a service's dead letters: list them, show one decoded, and redrive one or all
 * into their own service once the cause is fixed. What a web controller or a command calls; it answers
 * plain records, no Kafka types. A redrive never writes to Kafka.
 */
public final class DeadLetterDesk {

    /** The largest page: a page is read into memory, and an operator reads a screenful at a time. */
    public static final int MAX_PAGE = 500;

    private final DeadLetterReader reader;

    private final String registryUrl;

    private final RedrivenLetters redriven;

    private final Redriver redriver;

    DeadLetterDesk(DeadLetterReader reader, String registryUrl, RedrivenLetters redriven, Redriver redriver) {
        this.reader = reader;
        this.registryUrl = registryUrl;
        this.redriven = redriven;
        this.redriver = redriver;
    }

    /** Whether the service can redrive at all (it has an {@link FkbRedrive}). */
    public boolean redrives() {
        return redriver != null;
    }

    /** Up to {@code limit} (1 to {@value #MAX_PAGE}) dead letters of each partition from {@code from} on. */
    public DeadLetterPage list(long from, int limit) {
        if (from < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("from must be 0 or more and limit 1 to " + MAX_PAGE);
        }
        return kafka(() -> page(from, limit));
    }

    private DeadLetterPage page(long from, int limit) {
        var marks = redriven.all();
        var records = reader.read(from, limit + 1);
        var letters = new ArrayList<DeadLetter>();
        boolean more = false;
        var perPartition = new LinkedHashMap<Integer, Integer>();
        for (var record : records) {
            if (perPartition.merge(record.partition(), 1, Integer::sum) > limit) {
                more = true;
                continue;
            }
            letters.add(letter(record, marks));
        }
        return new DeadLetterPage(reader.topic(), letters, more ? from + limit : null);
    }

    public Optional<DeadLetterDetail> show(int partition, long offset) {
        return kafka(() -> detail(partition, offset));
    }

    private Optional<DeadLetterDetail> detail(int partition, long offset) {
        var record = reader.at(partition, offset);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        var letter = letter(record.get(), redriven.all());
        try (var decoder = new DeadLetterDecoder(registryUrl)) {
            return Optional.of(decoder.decode(letter, letter.originTopic(), record.get().value()));
        }
    }

    /** Redrives one dead letter; empty when there is none at that place. */
    public Optional<RedriveResult> redrive(int partition, long offset) {
        return kafka(() -> redriveOne(partition, offset));
    }

    private Optional<RedriveResult> redriveOne(int partition, long offset) {
        var record = reader.at(partition, offset);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        var marks = redriven.all();
        var letter = letter(record.get(), marks);
        if (letter.redriven()) {
            return Optional.of(RedriveResult.of(letter, Outcome.ALREADY_REDRIVEN, "redriven at " + letter.redrivenAt()
                    + "; it is never applied twice"));
        }
        if (redriver == null) {
            return Optional.of(RedriveResult.of(letter, Outcome.NOT_SUPPORTED, "this service does not redrive"));
        }
        var sameFkb = pending(marks).stream()
                .filter(other -> other.originPartition() == letter.originPartition() && letter.fkbCode() != null
                        && letter.fkbCode().equals(other.fkbCode()))
                .toList();
        return Optional.of(redriver.redrive(letter, sameFkb));
    }

    /**
     * Redrives every dead letter not redriven yet, one FKB at a time, each in its own transaction: one
     * whose cause is not fixed holds back no other. One result per FKB and origin partition.
     */
    public List<RedriveResult> redriveAll() {
        return kafka(this::redriveEach);
    }

    private List<RedriveResult> redriveEach() {
        var marks = redriven.all();
        var pending = pending(marks);
        if (redriver == null) {
            return pending.stream().map(l -> RedriveResult.of(l, Outcome.NOT_SUPPORTED, "this service does not redrive"))
                    .toList();
        }
        var byFkb = new LinkedHashMap<String, List<DeadLetter>>();
        pending.forEach(l -> byFkb.computeIfAbsent(l.originPartition() + "/" + l.fkbCode(), k -> new ArrayList<>()).add(l));
        var results = new ArrayList<RedriveResult>();
        for (var letters : byFkb.values()) {
            var remaining = new ArrayList<>(letters);
            while (!remaining.isEmpty()) {
                var result = redriver.redrive(remaining.get(0), letters);
                results.add(result);
                remaining.remove(0);
                // the others applied with it are done; one that failed for its own cause gets its own try
                remaining.removeIf(l -> result.alongWith().contains(l.partition() + "/" + l.offset()));
            }
        }
        return results;
    }

    /** The dead letters not redriven, one per origin record (a record parked twice is listed twice, redriven once). */
    private List<DeadLetter> pending(Map<Origin, java.time.Instant> marks) {
        var seen = new HashSet<Origin>();
        var result = new ArrayList<DeadLetter>();
        for (var record : reader.all(r -> true)) {
            var letter = letter(record, marks);
            if (!letter.redriven() && seen.add(origin(letter))) {
                result.add(letter);
            }
        }
        return result;
    }

    private static <T> T kafka(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        }
        catch (KafkaException ex) {
            throw new DeadLettersUnavailableException("Kafka could not be read: " + ex.getMessage()
                    + "; is the broker reachable?", ex);
        }
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record, Map<Origin, java.time.Instant> marks) {
        var letter = DeadLetterReader.letter(record, null);
        return letter.redrivenAt(marks.get(origin(letter)));
    }

    private static Origin origin(DeadLetter letter) {
        return new Origin(letter.originTopic(), letter.originPartition(), letter.originOffset());
    }
}
