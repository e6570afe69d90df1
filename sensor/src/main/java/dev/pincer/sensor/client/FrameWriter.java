package dev.pincer.sensor.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes whole frames to one socket from many app threads without making any of them wait for
 * another (flat combining): a thread queues its frame on a lock-free queue, then, if no other
 * thread is writing, becomes the writer and sends everything queued, coalesced into as few
 * {@code write} calls as fit a 64 KiB buffer. A thread that finds a writer at work leaves at once:
 * its frame goes out in that writer's next round, which the writer runs after it re-checks the queue
 * on the way out. So no app thread ever blocks on a lock, only a thread doing the writing makes a
 * syscall, and under load one syscall carries many CHECKs.
 *
 * <p>Frames from one thread go out in the order it queued them (INPUTS before its CHECK).
 *
 * <p>Example: 200 threads each calling {@code send(check)} at about the same time: the first one
 * writes its own frame and the ones queued meanwhile, usually in one or two {@code write} calls.
 */
final class FrameWriter {
    private static final int BATCH_BYTES = 64 * 1024;

    private final OutputStream out;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Only touched by the thread that holds {@link #writing}. */
    private final byte[] batch = new byte[BATCH_BYTES];
    private volatile IOException failed;

    FrameWriter(OutputStream out) {
        this.out = out;
    }

    /** Queues {@code frame} and writes what is queued unless another thread is doing so. */
    void send(byte[] frame) throws IOException {
        queue.offer(frame);
        drain();
    }

    /** Queues both, in this order, then writes as {@link #send}. */
    void send(byte[] first, byte[] second) throws IOException {
        queue.offer(first);
        queue.offer(second);
        drain();
    }

    private void drain() throws IOException {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } catch (IOException e) {
                failed = e;
                queue.clear();
            } finally {
                writing.set(false);
            }
        }
        IOException e = failed;
        if (e != null) {
            throw e;
        }
    }

    private void writeQueued() throws IOException {
        int n = 0;
        byte[] f;
        while ((f = queue.poll()) != null) {
            if (n + f.length > batch.length) {
                if (n > 0) {
                    out.write(batch, 0, n);
                    n = 0;
                }
                if (f.length > batch.length) {
                    out.write(f);
                    continue;
                }
            }
            System.arraycopy(f, 0, batch, n, f.length);
            n += f.length;
        }
        if (n > 0) {
            out.write(batch, 0, n);
        }
    }
}
