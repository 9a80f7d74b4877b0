package dk.amu.catalogue.projections.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.ChainCheck.Head;
import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The test kit's synthetic history under FKB codes of a test's own ({@code <prefix>synthetic-0001}),
 * sealed onto fresh chains: test classes share one events topic per JVM, and each needs histories
 * no other class has written.
 */
public final class PrefixedCatalogue implements Iterator<CatalogueEvent> {

    private final String prefix;

    private final SyntheticCatalogue synthetic;

    private final Map<String, Head> heads = new HashMap<>();

    public PrefixedCatalogue(String prefix, long seed, int fkbs, long events) {
        this.prefix = prefix;
        this.synthetic = new SyntheticCatalogue(seed, fkbs, events, Instant.parse("2024-01-01T08:00:00Z"));
    }

    @Override
    public boolean hasNext() {
        return synthetic.hasNext();
    }

    @Override
    public CatalogueEvent next() {
        var original = synthetic.next();
        var code = prefix + original.getFkbCode();
        var head = heads.getOrDefault(code, new Head(0, EventChain.GENESIS_HASH));
        var event = EventChain.append(code, head.sequence(), head.hash(),
                List.of(new EventDraft((SpecificRecordBase) original.getPayload(), original.getEffectiveDate())), original.getSource(),
                original.getRecordedAt()).get(0);
        heads.put(code, new Head(event.getSequence(), event.getHash()));
        return event;
    }
}
