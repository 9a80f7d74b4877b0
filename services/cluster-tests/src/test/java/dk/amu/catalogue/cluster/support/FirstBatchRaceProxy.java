package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dk.amu.catalogue.cluster.support.ProxiedBrokers.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy in front of every broker of a cluster that stages, for the clients that connect through it,
 * the race behind the brokers' "Expected sequence 0 for transactions v2 idempotent producer with no
 * existing state" (docs/cluster.md). When a produce request carries the first batch (sequence 0) of a
 * transaction for a partition of the watched topic, the proxy keeps that request back and passes on
 * the ones after it. Once a later batch of the same partition and transaction has reached the broker,
 * and the broker has refused it because the first batch is not there, the proxy answers the kept
 * request itself with {@code CONCURRENT_TRANSACTIONS}: what the partition's leader answers a first
 * batch while the transaction coordinator is busy with the transactional id, which is how the first
 * batch falls behind when the race comes by itself. The refusal is the broker's own. The client gets
 * both answers in the order of its requests, as it would from the broker, and retries both.
 *
 * <p>The kept request is not passed on after the refusal instead: the first batch would then be
 * acknowledged before the client read the refusal, the refused batch would be the very next sequence
 * the client expects acknowledged, and the client would not retry it but abort the transaction
 * ({@code TransactionManager.canRetry}).
 *
 * <p>Each partition of each transaction (producer id and epoch) is staged once, so the retried first
 * batch passes. A kept request is passed on as it came if no later batch of its partition arrives
 * within {@link #HOLD_LIMIT_MS}, or if the broker answers the later batch otherwise (when the
 * coordinator really is busy, say); those are {@linkplain #missed() missed}.
 */
public final class FirstBatchRaceProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirstBatchRaceProxy.class);

    /** Well inside the producer's request timeout (30 s by default), so a kept request never times out. */
    static final long HOLD_LIMIT_MS = 3_000;

    /** The first batch of one transaction in one partition: what the proxy keeps back, once. */
    public record FirstBatch(String topic, int partition, long producerId, short producerEpoch) {
    }

    /**
     * A later batch the broker refused while its transaction's first batch in the partition was kept back.
     *
     * @param refusedSequence the base sequence of the refused batch
     */
    public record Refusal(FirstBatch firstBatch, int refusedSequence) {
    }

    private final String topic;

    private final ProxiedBrokers brokers = new ProxiedBrokers();

    private final List<ServerSocket> listeners = new ArrayList<>();

    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();

    private final Set<FirstBatch> staged = ConcurrentHashMap.newKeySet();

    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

    private final List<FirstBatch> missed = new CopyOnWriteArrayList<>();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "first-batch-race-proxy-timer");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean closed;

    private FirstBatchRaceProxy(String topic) {
        this.topic = topic;
    }

    /**
     * Listens on a free loopback port for each broker in {@code bootstrapServers} ({@code host:port,...})
     * and stages the race on every partition of {@code topic}.
     */
    public static FirstBatchRaceProxy start(String bootstrapServers, String topic) {
        var proxy = new FirstBatchRaceProxy(topic);
        try {
            for (var broker : bootstrapServers.split(",")) {
                var target = Address.parse(broker.trim());
                var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                proxy.listeners.add(listener);
                proxy.brokers.add(target, new Address(listener.getInetAddress().getHostAddress(), listener.getLocalPort()));
                var acceptor = new Thread(() -> proxy.accept(listener, target), "first-batch-race-proxy-" + target);
                acceptor.setDaemon(true);
                acceptor.start();
            }
            return proxy;
        }
        catch (IOException ex) {
            proxy.close();
            throw new UncheckedIOException("could not open the proxy's ports", ex);
        }
    }

    /** The proxy's address for every broker: bootstrap servers for a client whose every request should pass it. */
    public String bootstrapServers() {
        return brokers.bootstrapServers();
    }

    /** Every later batch a broker refused while its transaction's first batch in the partition was kept back. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** First batches kept back and passed on without a refusal: no later batch came in time, or it was answered otherwise. */
    public List<FirstBatch> missed() {
        return List.copyOf(missed);
    }

    String topic() {
        return topic;
    }

    ProxiedBrokers brokers() {
        return brokers;
    }

    /** True the first time only: each first batch is kept back once, and its retry passes. */
    boolean stage(FirstBatch batch) {
        return staged.add(batch);
    }

    void refused(Refusal refusal) {
        log.info("Broker refused sequence {} ahead of the kept-back {}", refusal.refusedSequence(), refusal.firstBatch());
        refusals.add(refusal);
    }

    void missed(FirstBatch batch, String why) {
        log.info("{} passed on without a refusal: {}", batch, why);
        missed.add(batch);
    }

    void closed(ProxiedConnection connection) {
        connections.remove(connection);
    }

    private void accept(ServerSocket listener, Address broker) {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            }
            catch (IOException ex) {
                if (!closed) {
                    log.warn("The proxy for {} stopped accepting connections: {}", broker, ex.toString());
                }
                return;
            }
            connect(client, broker);
        }
    }

    /** A broker that is down refuses the proxy, and the proxy its client: the client tries again as it would. */
    private void connect(Socket client, Address broker) {
        try {
            var upstream = new Socket(broker.host(), broker.port());
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            var connection = new ProxiedConnection(this, client, upstream, timer);
            connections.add(connection);
            connection.start();
        }
        catch (IOException ex) {
            log.debug("could not reach {} for a client: {}", broker, ex.toString());
            try {
                client.close();
            }
            catch (IOException closing) {
                ex.addSuppressed(closing);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (var listener : listeners) {
            try {
                listener.close();
            }
            catch (IOException ex) {
                log.debug("closing a proxy port", ex);
            }
        }
        connections.forEach(ProxiedConnection::close);
        timer.shutdownNow();
    }
}
