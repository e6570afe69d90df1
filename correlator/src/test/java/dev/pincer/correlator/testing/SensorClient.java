package dev.pincer.correlator.testing;

import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.protocol.FrameDecoder;
import dev.pincer.correlator.protocol.FrameEncoder;
import dev.pincer.correlator.protocol.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A tiny blocking sensor for whole-server tests: a plain socket, frames encoded and decoded with
 * the protocol classes on heap buffers, one frame at a time.
 */
public final class SensorClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private byte[] nonce;

    public SensorClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 2000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads CHALLENGE, answers HELLO with the proof for {@code token}, returns the answer (WELCOME or ERROR). */
    public Frame handshake(String token, String sensorId) throws IOException {
        Frame f = read();
        if (!(f instanceof Frame.Challenge c)) {
            return f;
        }
        nonce = c.nonce();
        send(new Frame.Hello(Protocol.VERSION, Protocol.proof(token, nonce), sensorId, "java test", "it"));
        return read();
    }

    /** Writes all frames with one socket write. */
    public void send(Frame... frames) throws IOException {
        ByteBuf b = Unpooled.buffer();
        try {
            for (Frame f : frames) {
                FrameEncoder.write(f, b);
            }
            out.write(b.array(), b.arrayOffset() + b.readerIndex(), b.readableBytes());
            out.flush();
        } finally {
            b.release();
        }
    }

    /** The next frame; {@code null} at end of stream. */
    public Frame read() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < Protocol.MIN_LENGTH || length > Protocol.MAX_CORRELATOR_FRAME) {
            throw new IOException("correlator sent a frame of " + length + " bytes");
        }
        byte[] frame = new byte[4 + length];
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        in.readFully(frame, 4, length);
        return FrameDecoder.decodeOne(Unpooled.wrappedBuffer(frame), Protocol.MAX_CORRELATOR_FRAME);
    }

    /** True when the correlator closed the connection (end of stream within the timeout). */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
