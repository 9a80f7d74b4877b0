package dk.amu.catalogue.eventconsumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReaderTests {

    @Test
    void shouldReadTheOriginFromSpringsHeadersAndTheCauseFromTheInnermostException() {
        var headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "amu.catalogue.events.v1".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(4).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(123_456_789_012L).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, "org.springframework.kafka.support.serializer.DeserializationException"
                .getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "failed to deserialize".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, ("org.springframework.kafka.support.serializer."
                + "DeserializationException: failed to deserialize\n\tat x.y(Z.java:1)\nCaused by: "
                + "dk.amu.catalogue.serde.UnknownMagicByteException: starts with byte 0x6e: not ours\n\tat a.b(C.java:2)\n")
                .getBytes(StandardCharsets.UTF_8));
        var record = new ConsumerRecord<>("projections.dead-letters", 0, 17, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                3, 5, "fkb-1", new byte[] { 1, 2, 3 }, headers, Optional.empty());

        var letter = DeadLetterReader.letter(record, null);

        assertThat(letter).isEqualTo(new DeadLetter(0, 17, "amu.catalogue.events.v1", 4, 123_456_789_012L, "fkb-1",
                "dk.amu.catalogue.serde.UnknownMagicByteException", "starts with byte 0x6e: not ours",
                Instant.ofEpochMilli(1_700_000_000_000L), null));
        assertThat(letter.redriven()).isFalse();
    }

    @Test
    void shouldFallBackToTheNamedExceptionWithoutAStackTrace() {
        assertThat(DeadLetterReader.rootCause(null)).isNull();
        assertThat(DeadLetterReader.rootCause("java.lang.IllegalStateException: no link\n\tat a.b(C.java:1)")).isNull();
        var record = new ConsumerRecord<String, byte[]>("t", 0, 1, "k", null);
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        var letter = DeadLetterReader.letter(record, Instant.EPOCH);
        assertThat(letter.cause()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.originPartition()).isEqualTo(-1);
        assertThat(letter.redriven()).isTrue();
    }
}
