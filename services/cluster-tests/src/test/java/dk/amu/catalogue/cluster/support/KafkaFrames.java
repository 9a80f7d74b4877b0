package dk.amu.catalogue.cluster.support;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Kafka's framing on a socket: a four-byte size, then a request or response (header and body). Only
 * the sizes are handled here; the headers and bodies are read and written by Kafka's own classes.
 */
final class KafkaFrames {

    private KafkaFrames() {
    }

    /** The next frame's content without its size, or null when the peer closed the connection between frames. */
    static byte[] read(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        }
        catch (EOFException ex) {
            return null;
        }
        var content = new byte[size];
        in.readFully(content);
        return content;
    }

    static DataInputStream input(InputStream stream) {
        return new DataInputStream(new BufferedInputStream(stream));
    }

    /** The frame as it goes on the wire: the size, then the content. */
    static byte[] framed(ByteBuffer content) {
        var frame = ByteBuffer.allocate(4 + content.remaining());
        frame.putInt(content.remaining()).put(content.duplicate());
        return frame.array();
    }

    static byte[] framed(byte[] content) {
        return framed(ByteBuffer.wrap(content));
    }

    /** A response to {@code request}, in the header version its api version calls for. */
    static byte[] response(RequestHeader request, ApiMessage body) {
        var header = new ResponseHeaderData().setCorrelationId(request.correlationId());
        short headerVersion = request.apiKey().responseHeaderVersion(request.apiVersion());
        return framed(RequestUtils.serialize(header, headerVersion, body, request.apiVersion()));
    }

    /** The correlation id of a response: the first field of every response header version. */
    static int correlationId(byte[] response) {
        return ByteBuffer.wrap(response).getInt();
    }

    /** The response's body, positioned after its header. */
    static ByteBuffer body(RequestHeader request, byte[] response) {
        var buffer = ByteBuffer.wrap(response);
        ResponseHeader.parse(buffer, request.apiKey().responseHeaderVersion(request.apiVersion()));
        return buffer;
    }
}
