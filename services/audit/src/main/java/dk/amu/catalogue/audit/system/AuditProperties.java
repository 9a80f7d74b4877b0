package dk.amu.catalogue.audit.system;

import java.time.Duration;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit service, prefix {@code catalogue.audit}.
 *
 * @param topic             the log to read; another name verifies or queries a copy of it
 * @param snapshotTopic     the snapshots verify compares each FKB's folded state with
 * @param kafkaTimeout      how long to wait for Kafka's metadata and offsets before saying it is unreachable
 * @param fetchBytes        the fetch budget the replays that may run at once share: each replay's consumer
 *                          fetches at most this divided by {@code maxConcurrentReplays} in one request. The
 *                          default gives each of two replays 384 KB, under half of a G1 heap region (1 MB in heaps
 *                          under 4 GB): a fetch is then an ordinary object that dies young, where a larger one is
 *                          allocated as a humongous object that only a concurrent cycle or a full collection
 *                          frees, and a few replays' worth of them filled a 256 MB heap; larger fetches did not
 *                          make a replay of the whole log faster (docs/benchmarks.md, "Audit under load").
 * @param partitionFetchBytes the same for one partition, shared the same way, and never above a replay's share
 *                          of {@code fetchBytes}
 * @param maxFindings       findings verify keeps to show; the rest are counted, so a garbage log cannot fill the heap
 * @param maxConcurrentReplays replays of the log run at once; each reads the whole log and holds a fetch and its
 *                          fold in memory, so this bounds the CPU and the heap a crowd of askers can take; the rest
 *                          are answered 429 with Retry-After
 * @param answerCacheEntries answers kept for questions asked again while the log ends where it did
 * @param answerCacheMaxItems the most links, entries or heads an answer may hold to be kept, so the cache stays
 *                          small beside the heap whatever the catalogue's size
 */
@Validated
@ConfigurationProperties("catalogue.audit")
public record AuditProperties(
        @NotBlank @DefaultValue(CatalogueTopics.EVENTS) String topic,
        @NotBlank @DefaultValue(CatalogueTopics.SNAPSHOTS) String snapshotTopic,
        @NotNull @DefaultValue("10s") Duration kafkaTimeout,
        @Min(65536) @DefaultValue("786432") int fetchBytes,
        @Min(65536) @DefaultValue("786432") int partitionFetchBytes,
        @Min(1) @DefaultValue("1000") int maxFindings,
        @Min(1) @DefaultValue("2") int maxConcurrentReplays,
        @Min(0) @DefaultValue("32") int answerCacheEntries,
        @Min(0) @DefaultValue("10000") int answerCacheMaxItems) {
}
