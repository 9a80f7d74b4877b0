package dk.amu.catalogue.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry in this JVM that speaks the part of the Confluent Schema Registry REST API that
 * serializers, deserializers and common tools use, for Avro. Its state lives in a compacted Kafka topic,
 * so ids and versions survive a restart. One instance per topic: it does not follow other writers.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private static final int HTTP_THREADS = 4;

    private final SchemaStore store;

    private final HttpServer server;

    private final ExecutorService executor;

    private final String url;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSchemaRegistry(SchemaStore store, HttpServer server, ExecutorService executor, String host) {
        this.store = store;
        this.server = server;
        this.executor = executor;
        this.url = "http://" + urlHost(host) + ":" + server.getAddress().getPort();
    }

    /** Creates the topic if it is missing, replays it, then serves HTTP; returns once requests are answered. */
    public static EmbeddedSchemaRegistry start(RegistrySettings settings) {
        var store = SchemaStore.open(settings);
        ExecutorService executor = null;
        try {
            var server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
            var router = new RestRouter().route("GET", "/", request -> new Bodies.Empty());
            new SubjectEndpoints(store).addTo(router);
            new SchemaEndpoints(store).addTo(router);
            new CompatibilityEndpoints(store).addTo(router);
            new ConfigEndpoints(store).addTo(router);
            server.createContext("/", router);
            executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
            server.setExecutor(executor);
            server.start();
            var registry = new EmbeddedSchemaRegistry(store, server, executor, settings.host());
            log.info("Schema registry serving {} with state in topic {}", registry.url(), settings.topic());
            return registry;
        }
        catch (IOException | RuntimeException ex) {
            if (executor != null) {
                executor.shutdownNow();
            }
            store.close();
            if (ex instanceof IOException io) {
                throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), io);
            }
            throw (RuntimeException) ex;
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    /** A wildcard bind address is not somewhere a client can connect to; loopback is. */
    private static String urlHost(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, "schema-registry-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
