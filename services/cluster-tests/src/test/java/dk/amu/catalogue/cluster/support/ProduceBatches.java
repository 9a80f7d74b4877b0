package dk.amu.catalogue.cluster.support;

import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.cluster.support.FirstBatchRaceProxy.FirstBatch;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;

/** What {@link ProxiedConnection} reads from produce requests and responses: batches by partition, transaction and sequence. */
final class ProduceBatches {

    private final ProxiedBrokers brokers;

    ProduceBatches(ProxiedBrokers brokers) {
        this.brokers = brokers;
    }

    /** The transactional batches with sequence 0 in the request, for partitions of {@code topic}. */
    List<FirstBatch> firstBatches(ProduceRequestData request, String topic) {
        var first = new ArrayList<FirstBatch>();
        for (var topicData : request.topicData()) {
            if (!topic.equals(brokers.topicName(topicData.name(), topicData.topicId()))) {
                continue;
            }
            for (var partition : topicData.partitionData()) {
                for (var batch : ((MemoryRecords) partition.records()).batches()) {
                    if (batch.isTransactional() && batch.baseSequence() == 0) {
                        first.add(new FirstBatch(topic, partition.index(), batch.producerId(), batch.producerEpoch()));
                    }
                }
            }
        }
        return first;
    }

    /** The base sequence of the request's batch for {@code first}'s partition and transaction, or -1 if it has none. */
    int baseSequence(ProduceRequestData request, FirstBatch first) {
        for (var topicData : request.topicData()) {
            if (!first.topic().equals(brokers.topicName(topicData.name(), topicData.topicId()))) {
                continue;
            }
            for (var partition : topicData.partitionData()) {
                if (partition.index() != first.partition()) {
                    continue;
                }
                for (var batch : ((MemoryRecords) partition.records()).batches()) {
                    if (batch.producerId() == first.producerId() && batch.producerEpoch() == first.producerEpoch()) {
                        return batch.baseSequence();
                    }
                }
            }
        }
        return -1;
    }

    /** The broker's answer for {@code first}'s partition, or null if the response has none. */
    Errors error(ProduceResponseData response, FirstBatch first) {
        for (var topicResponse : response.responses()) {
            if (!first.topic().equals(brokers.topicName(topicResponse.name(), topicResponse.topicId()))) {
                continue;
            }
            for (var partition : topicResponse.partitionResponses()) {
                if (partition.index() == first.partition()) {
                    return Errors.forCode(partition.errorCode());
                }
            }
        }
        return null;
    }
}
