package dk.amu.catalogue.eventlog;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTopicsTests {

    @Test
    void shouldGiveBothTopicsThreeReplicasTwoInSyncAndTheirOwnPolicyOnACluster() {
        var topics = CatalogueTopics.replicated((short) 3, 2);

        assertThat(topics).extracting(NewTopic::name).containsExactly(CatalogueTopics.EVENTS, CatalogueTopics.SNAPSHOTS);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.numPartitions()).isEqualTo(CatalogueTopics.PARTITIONS);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(topics.get(0).configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(topics.get(1).configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldRefuseMoreInSyncReplicasThanReplicas() {
        assertThatThrownBy(() -> CatalogueTopics.replicated((short) 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and the replication factor");
    }
}
