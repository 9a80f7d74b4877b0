package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.cluster.support.FirstBatchRaceProxy.FirstBatch;
import dk.amu.catalogue.cluster.support.FirstBatchRaceProxy.Refusal;
import org.apache.kafka.common.errors.ConcurrentTransactionsException;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection through {@link FirstBatchRaceProxy}, and the proxy's connection to the broker
 * for it. A client reads the responses on a connection in the order of its requests (it checks their
 * correlation ids), and a broker answers in the order it reads; so whatever order the requests go on
 * in, their responses go back in the client's order.
 */
final class ProxiedConnection {

    private static final Logger log = LoggerFactory.getLogger(ProxiedConnection.class);

    private static final byte[] NO_RESPONSE = new byte[0];

    /** A request and, once known, its response as the client gets it. */
    private static final class Exchange {

        final RequestHeader header;

        final byte[] frame;

        /** The body of a produce request, else null. */
        final ProduceRequestData produce;

        byte[] response;

        Exchange(RequestHeader header, byte[] frame, ProduceRequestData produce) {
            this.header = header;
            this.frame = frame;
            this.produce = produce;
        }
    }

    private final FirstBatchRaceProxy proxy;

    private final ProduceBatches batches;

    private final Socket client;

    private final Socket broker;

    private final ScheduledExecutorService timer;

    /** Every request not yet answered to the client, in the client's order. */
    private final Deque<Exchange> toAnswer = new ArrayDeque<>();

    /** Every request passed on to the broker and not yet answered by it, in the order they went on. */
    private final Deque<Exchange> atBroker = new ArrayDeque<>();

    private Exchange kept;

    private FirstBatch keptBatch;

    ProxiedConnection(FirstBatchRaceProxy proxy, Socket client, Socket broker, ScheduledExecutorService timer) {
        this.proxy = proxy;
        this.batches = new ProduceBatches(proxy.brokers());
        this.client = client;
        this.broker = broker;
        this.timer = timer;
    }

    void start() {
        thread("requests", client, this::requested).start();
        thread("responses", broker, this::answered).start();
    }

    private interface FrameHandler {
        void handle(byte[] content) throws IOException;
    }

    private Thread thread(String name, Socket from, FrameHandler handler) {
        var thread = new Thread(() -> {
            try {
                var in = KafkaFrames.input(from.getInputStream());
                for (var content = KafkaFrames.read(in); content != null; content = KafkaFrames.read(in)) {
                    handler.handle(content);
                }
            }
            catch (IOException | RuntimeException ex) {
                if (!client.isClosed() && !broker.isClosed()) {
                    log.debug("proxied connection {} ends: {}", client.getRemoteSocketAddress(), ex.toString());
                }
            }
            finally {
                close();
            }
        }, "first-batch-race-proxy-" + name + "-" + client.getPort());
        thread.setDaemon(true);
        return thread;
    }

    private synchronized void requested(byte[] content) throws IOException {
        var buffer = ByteBuffer.wrap(content);
        var header = RequestHeader.parse(buffer);
        var produce = header.apiKey() == ApiKeys.PRODUCE
                ? new ProduceRequestData(new ByteBufferAccessor(buffer), header.apiVersion())
                : null;
        var exchange = new Exchange(header, KafkaFrames.framed(content), produce);
        toAnswer.add(exchange);
        var first = kept == null && produce != null ? firstBatchToKeep(produce) : null;
        if (first == null) {
            passOn(exchange);
            return;
        }
        kept = exchange;
        keptBatch = first;
        timer.schedule(() -> passOnIfStillKept(exchange), FirstBatchRaceProxy.HOLD_LIMIT_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void answered(byte[] content) throws IOException {
        var exchange = atBroker.poll();
        if (exchange == null || KafkaFrames.correlationId(content) != exchange.header.correlationId()) {
            throw new IOException("the broker answered a request the proxy did not pass on");
        }
        exchange.response = proxy.brokers().rewritten(exchange.header, content);
        if (kept != null && exchange.produce != null) {
            int sequence = batches.baseSequence(exchange.produce, keptBatch);
            if (sequence > 0) {
                var response = new ProduceResponseData(new ByteBufferAccessor(KafkaFrames.body(exchange.header, content)),
                        exchange.header.apiVersion());
                laterBatchAnswered(sequence, batches.error(response, keptBatch));
            }
        }
        answerInOrder();
    }

    private void laterBatchAnswered(int sequence, Errors error) throws IOException {
        if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER) {
            proxy.refused(new Refusal(keptBatch, sequence));
            answerKeptAsBusyCoordinator();
        }
        else {
            proxy.missed(keptBatch, "the broker answered sequence " + sequence + " with " + error);
            passOnKept();
        }
    }

    private synchronized void passOnIfStillKept(Exchange exchange) {
        if (kept != exchange) {
            return;
        }
        try {
            proxy.missed(keptBatch, "no later batch of the partition within " + FirstBatchRaceProxy.HOLD_LIMIT_MS + " ms");
            passOnKept();
        }
        catch (IOException ex) {
            close();
        }
    }

    private void passOn(Exchange exchange) throws IOException {
        write(broker.getOutputStream(), exchange.frame);
        if (exchange.produce != null && exchange.produce.acks() == 0) {
            exchange.response = NO_RESPONSE;
        }
        else {
            atBroker.add(exchange);
        }
    }

    private void passOnKept() throws IOException {
        var exchange = kept;
        kept = null;
        keptBatch = null;
        passOn(exchange);
    }

    /** Kafka's own error response for the kept request: what the leader answers while the coordinator is busy. */
    private void answerKeptAsBusyCoordinator() {
        var busy = new ProduceRequest(kept.produce, kept.header.apiVersion()).getErrorResponse(0,
                new ConcurrentTransactionsException("The coordinator is busy with this transactional id (staged by the test's proxy)"));
        kept.response = KafkaFrames.response(kept.header, busy.data());
        kept = null;
        keptBatch = null;
    }

    private void answerInOrder() throws IOException {
        while (!toAnswer.isEmpty() && toAnswer.peek().response != null) {
            var response = toAnswer.poll().response;
            if (response.length > 0) {
                write(client.getOutputStream(), response);
            }
        }
    }

    /** A first batch of the watched topic in the request that was never kept back before, or null. */
    private FirstBatch firstBatchToKeep(ProduceRequestData produce) {
        for (var first : batches.firstBatches(produce, proxy.topic())) {
            if (proxy.stage(first)) {
                return first;
            }
        }
        return null;
    }

    private static void write(OutputStream out, byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    void close() {
        try {
            client.close();
            broker.close();
        }
        catch (IOException ex) {
            log.debug("closing a proxied connection", ex);
        }
        proxy.closed(this);
    }
}
