package dk.amu.catalogue.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.serde.AvroSerializer;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One CatalogueEvent written and read back: the project's serde (Confluent framing, registry ids
 * from a warm cache) against plain Avro with reused encoder and decoder, on the same records. The
 * difference is the price of the wire format and the registry lookup per record.
 *
 * <p>The broker and registry only serve the first record of a trial; measured calls hit the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// plain Avro 1.12.2 loads no generated class a schema names unless its package is allow-listed
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dk.amu.catalogue")
public class SerdeRoundTripBenchmark {

    private static final String TOPIC = "amu.catalogue.events.v1";

    @Param({"CourseLinked", "CourseLinkEndScheduled", "CourseDetailsChanged", "FkbRevised"})
    public String payload;

    private Path dataDirectory;

    private EmbeddedKafkaBroker broker;

    private EmbeddedSchemaRegistry registry;

    private CatalogueEvent event;

    private AvroSerializer<CatalogueEvent> serializer;

    private AvroDeserializer<CatalogueEvent> deserializer;

    private final SpecificDatumWriter<CatalogueEvent> plainWriter = new SpecificDatumWriter<>(CatalogueEvent.class);

    private final SpecificDatumReader<CatalogueEvent> plainReader = new SpecificDatumReader<>(CatalogueEvent.class);

    private final ByteArrayOutputStream plainOut = new ByteArrayOutputStream(512);

    private BinaryEncoder plainEncoder;

    private BinaryDecoder plainDecoder;

    @Setup(Level.Trial)
    public void startRegistryAndWarmTheCache() throws IOException {
        dataDirectory = Files.createTempDirectory("serde-benchmark");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(dataDirectory));
        registry = EmbeddedSchemaRegistry.start(RegistrySettings.onFreePort(broker.bootstrapServers()));
        var client = SchemaRegistryClient.forUrl(registry.url());
        serializer = new AvroSerializer<>(client, true);
        deserializer = new AvroDeserializer<>(client);
        event = SerdeBenchmarkEvents.of(payload);
        var warm = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event));
        if (!warm.equals(event) || !plainAvro().equals(event)) {
            throw new IllegalStateException("round trip changed the " + payload + " event");
        }
    }

    @TearDown(Level.Trial)
    public void stopRegistry() throws IOException {
        registry.close();
        broker.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public CatalogueEvent projectSerde() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event));
    }

    @Benchmark
    public CatalogueEvent plainAvro() throws IOException {
        plainOut.reset();
        plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
        plainWriter.write(event, plainEncoder);
        plainEncoder.flush();
        var bytes = plainOut.toByteArray();
        plainDecoder = DecoderFactory.get().binaryDecoder(bytes, plainDecoder);
        return plainReader.read(null, plainDecoder);
    }
}
