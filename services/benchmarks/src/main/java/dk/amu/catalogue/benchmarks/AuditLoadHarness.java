package dk.amu.catalogue.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's web service under load over a long log: writes the same synthetic log as
 * {@link AuditReplayHarness}, starts the audit service alone in a JVM with {@code -Xmx256m} (so only
 * its heap counts; sampled every 10 ms there), and sends it rounds of 20 concurrent requests while
 * {@code /actuator/health} is asked every 100 ms: 20 verifies; the same 20 again (the log's end has
 * not moved: the cache answers); 20 different heavy questions (the state of every FKB on 20 dates), so
 * that the replay limit refuses most. Each answer is checked: correct, or 429 with Retry-After.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.AuditLoadHarness [fkbs=1000] [eventsPerFkb=1000] [linksPerFkb=100]}
 */
public final class AuditLoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int CONCURRENT = 20;

    private AuditLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int fkbs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int eventsPerFkb = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int links = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        var data = Files.createTempDirectory("audit-load");
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"))) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(CatalogueTopics.singleBroker()).all().get();
            }
            long events = AuditReplayHarness.write(broker.bootstrapServers(), registry.url(), fkbs, eventsPerFkb, links);
            System.out.printf("%nWROTE %,d events of %d FKBs (%d links each)%n", events, fkbs, links);
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var service = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Serve.class.getName(), broker.bootstrapServers(), registry.url())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var fromService = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
                    var toService = new PrintWriter(service.getOutputStream(), true, StandardCharsets.UTF_8)) {
                int port = Integer.parseInt(expect(fromService, "PORT "));
                new Rounds(port, fkbs, links, toService, fromService).run();
            }
            finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    static String expect(BufferedReader in, String prefix) throws Exception {
        for (var line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IllegalStateException("the service ended before saying " + prefix.trim());
    }

    /** The client side: the rounds, their checks, and the table. */
    private record Rounds(int port, int fkbs, int links, PrintWriter toService, BufferedReader fromService) {

        void run() throws Exception {
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(CONCURRENT + 4)).build();
            // warms the JIT and the registry cache, as in a running service; not measured
            send(http, "/api/state?fkb=synthetic-0&asOf=2026-01-01");
            var rows = new ArrayList<String>();
            rows.add(round(http, "20 x verify", i -> "/api/verify", this::verified));
            rows.add(round(http, "20 x verify again, same end of the log", i -> "/api/verify", this::verified));
            rows.add(round(http, "20 x state of every FKB, 20 dates", i -> "/api/state?asOf=2026-01-" + String.format("%02d", i + 1),
                    body -> JSON.readTree(body).get("links").size() == fkbs * links));
            System.out.printf("%n| round | answers 200 (correct) | 429 with Retry-After | other | slowest answer | "
                    + "health checks (all 200) | slowest health | heap at most (-Xmx256m) |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|%n");
            rows.forEach(System.out::println);
        }

        String round(HttpClient http, String name, IntFunction<String> uri, Predicate<String> correct) throws Exception {
            toService.println("reset");
            expect(fromService, "RESET");
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
            toService.println("peak");
            var heap = expect(fromService, "PEAK ");
            long ok = answers.stream().filter(a -> a.response.statusCode() == 200 && correct.test(a.response.body())).count();
            long busy = answers.stream().filter(a -> a.response.statusCode() == 429
                    && a.response.headers().firstValue("Retry-After").isPresent()).count();
            long slowest = answers.stream().mapToLong(Answer::nanos).max().orElse(0);
            boolean healthy = health.stream().allMatch(h -> h[0] == 200);
            long slowestHealth = health.stream().mapToLong(h -> h[1]).max().orElse(0);
            return String.format("| %s | %d | %d | %d | %.3f s | %d (%s) | %.0f ms | %s |", name, ok, busy,
                    CONCURRENT - ok - busy, slowest / 1e9, health.size(), healthy ? "all 200" : "NOT ALL 200",
                    slowestHealth / 1e6, heap);
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

    /** The measured JVM: the audit service as it runs, and a heap sampler that the client resets and reads over stdin. */
    public static final class Serve {

        private static volatile long maxUsed;

        private static volatile long maxLive;

        private Serve() {
        }

        public static void main(String[] args) throws Exception {
            var app = new SpringApplication(AuditApplication.class);
            app.setDefaultProperties(Map.of("spring.config.name", "audit"));
            var context = (WebServerApplicationContext) app.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + args[0],
                    "--catalogue.registry-url=" + args[1], "--logging.level.root=WARN",
                    // the benchmarks' classpath has the other services' JDBC; the audit keeps no database
                    "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
            var sampler = new Thread(Serve::sample, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            System.out.println("PORT " + context.getWebServer().getPort());
            System.out.flush();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("reset")) {
                    System.gc();
                    maxUsed = 0;
                    maxLive = 0;
                    System.out.println("RESET");
                }
                else if (line.equals("peak")) {
                    System.out.printf("PEAK %d MB used, %d MB live%n", maxUsed >> 20, maxLive >> 20);
                }
                System.out.flush();
            }
            System.exit(0);
        }

        private static void sample() {
            var memory = ManagementFactory.getMemoryMXBean();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            while (true) {
                maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
                long live = pools.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(usage -> usage != null)
                        .mapToLong(usage -> usage.getUsed()).sum();
                maxLive = Math.max(maxLive, live);
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }
    }
}
