package dk.amu.catalogue.benchmarks;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's web service under load over a long log: writes the same synthetic log as
 * {@link AuditReplayHarness}, starts the audit service as it is deployed ({@code audit-exec.jar}) alone
 * in a JVM with {@code -Xmx256m}, so only its heap counts (the heap used before and after each
 * collection, from its GC log), and sends it rounds of 20 concurrent requests while
 * {@code /actuator/health} is asked every 100 ms: 20 verifies; the same 20 again (the log's end has
 * not moved: the cache answers); 20 different heavy questions (the state of every FKB on 20 dates), so
 * that the replay limit refuses most. Each answer is checked: correct, or 429 with Retry-After.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.AuditLoadHarness [fkbs=1000] [eventsPerFkb=1000] [linksPerFkb=100]}
 * from the repository root, after {@code package}: it runs {@code services/audit/target/audit-exec.jar}
 * ({@code -Daudit.jar=...} for another, such as main's as the anchor; {@code -Daudit.jvm-options="..."} adds options to
 * its JVM, such as {@code -XX:+HeapDumpOnOutOfMemoryError} for a profile).
 */
public final class AuditLoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int CONCURRENT = 20;

    private AuditLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        var size = LogSize.of(args);
        var data = Files.createTempDirectory("audit-load");
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"))) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(CatalogueTopics.singleBroker()).all().get();
            }
            long events = AuditReplayHarness.write(broker.bootstrapServers(), registry.url(), size.fkbs(), size.eventsPerFkb(), size.links());
            System.out.printf("%nWROTE %,d events of %d FKBs (%d links each)%n", events, size.fkbs(), size.links());
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var gcLog = data.resolve("gc.log");
            var command = new ArrayList<>(List.of(java, "-Xmx256m", "-Xlog:gc:file=" + gcLog));
            // for a profile: e.g. -Daudit.jvm-options="-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/tmp"
            command.addAll(Arrays.stream(System.getProperty("audit.jvm-options", "").split("\\s+"))
                    .filter(option -> !option.isEmpty()).toList());
            command.addAll(List.of("-jar", System.getProperty("audit.jar", "services/audit/target/audit-exec.jar"),
                    "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--catalogue.registry-url=" + registry.url(), "--logging.level.root=WARN"));
            System.out.printf("AUDIT %s%n", String.join(" ", command));
            var service = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("audit.log").toFile()).start();
            try {
                new Rounds(port, size.fkbs(), size.links(), gcLog).run(service);
            }
            finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
        // the HTTP client's pool threads would keep the JVM alive after the table
        System.exit(0);
    }

    /** The client side: the rounds, their checks, and the table. */
    private record Rounds(int port, int fkbs, int links, Path gcLog) {

        void run(Process service) throws Exception {
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(CONCURRENT + 4)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!healthy(http)) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the audit service did not start; see its log in the data directory");
                }
                Thread.sleep(500);
            }
            // warms the JIT and the registry cache, as in a running service; not measured
            send(http, "/api/state?fkb=synthetic-0&asOf=2026-01-01");
            var rows = new ArrayList<String>();
            rows.add(round(http, "20 x verify", i -> "/api/verify", this::verified));
            rows.add(round(http, "20 x verify again, same end of the log", i -> "/api/verify", this::verified));
            rows.add(round(http, "20 x state of every FKB, 20 dates", i -> "/api/state?asOf=2026-01-" + String.format("%02d", i + 1),
                    body -> JSON.readTree(body).get("links").size() == fkbs * links));
            System.out.printf("%n| round | answers 200 (correct) | 429 with Retry-After | other | slowest answer | "
                    + "health checks | slowest health | heap before / after collections, at most (-Xmx256m) |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|%n");
            rows.forEach(System.out::println);
        }

        String round(HttpClient http, String name, IntFunction<String> uri, Predicate<String> correct) throws Exception {
            long gcFrom = Files.size(gcLog);
            var health = new ConcurrentLinkedQueue<long[]>();
            var poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleAtFixedRate(() -> {
                long started = System.nanoTime();
                int status = send(http, "/actuator/health").statusCode();
                health.add(new long[] { status, System.nanoTime() - started });
            }, 0, 100, TimeUnit.MILLISECONDS);
            // a thread per request: the common pool has one thread on two cores
            var clients = Executors.newFixedThreadPool(CONCURRENT);
            long started = System.nanoTime();
            var answers = IntStream.range(0, CONCURRENT).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                var response = send(http, uri.apply(i));
                return new Answer(response, System.nanoTime() - started);
            }, clients)).toList().stream().map(CompletableFuture::join).toList();
            clients.shutdown();
            poller.shutdown();
            poller.awaitTermination(30, TimeUnit.SECONDS);
            var heap = heap(gcFrom);
            answers.stream().filter(a -> a.response.statusCode() != 429 && !(a.response.statusCode() == 200
                    && correct.test(a.response.body()))).forEach(a -> System.out.printf("%s: not counted: %d %s%n", name,
                            a.response.statusCode(), a.response.body().substring(0, Math.min(300, a.response.body().length()))));
            long ok = answers.stream().filter(a -> a.response.statusCode() == 200 && correct.test(a.response.body())).count();
            long busy = answers.stream().filter(a -> a.response.statusCode() == 429
                    && a.response.headers().firstValue("Retry-After").isPresent()).count();
            long slowest = answers.stream().mapToLong(Answer::nanos).max().orElse(0);
            var statuses = new java.util.TreeMap<Long, Long>();
            health.forEach(h -> statuses.merge(h[0], 1L, Long::sum));
            long slowestHealth = health.stream().mapToLong(h -> h[1]).max().orElse(0);
            return String.format("| %s | %d | %d | %d | %.3f s | %d, by status %s | %.0f ms | %s |", name, ok, busy,
                    CONCURRENT - ok - busy, slowest / 1e9, health.size(), statuses, slowestHealth / 1e6, heap);
        }

        boolean healthy(HttpClient http) {
            try {
                return send(http, "/actuator/health").statusCode() == 200;
            }
            catch (IllegalStateException ex) {
                return false;
            }
        }

        /** The most heap in use before a collection, and after one, in the GC log's lines since {@code from}. */
        String heap(long from) throws Exception {
            String text;
            try (var file = new java.io.RandomAccessFile(gcLog.toFile(), "r")) {
                file.seek(from);
                var bytes = new byte[(int) (file.length() - from)];
                file.readFully(bytes);
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            long before = 0;
            long after = 0;
            int collections = 0;
            var matcher = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(text);
            while (matcher.find()) {
                before = Math.max(before, Long.parseLong(matcher.group(1)));
                after = Math.max(after, Long.parseLong(matcher.group(2)));
                collections++;
            }
            return String.format("%d MB / %d MB (%d collections)", before, after, collections);
        }

        boolean verified(String body) {
            var report = JSON.readTree(body);
            return report.get("passed").asBoolean() && report.get("heads").size() == fkbs;
        }

        HttpResponse<String> send(HttpClient http, String uri) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                        .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (Exception ex) {
                throw new IllegalStateException("GET " + uri + " failed", ex);
            }
        }
    }

    private record Answer(HttpResponse<String> response, long nanos) {
    }
}
