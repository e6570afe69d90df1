package dev.pincer.bench;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.upload.Uploads;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the upload detector costs one upload that it lets through: a transaction with only the
 * detector, opened on the head, given the whole body in one chunk, ended. {@code multipart} is a
 * form with one field and one PNG file part of {@code size} bytes; {@code raw} is the same PNG as a
 * raw {@code image/png} body; {@code json} is a 2 KiB JSON POST, which opens no step (the cost for
 * a request that is not an upload). {@code size} 512 is under the 8 KiB window (the whole file is
 * judged); 8192 fills it.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar UploadDetectionBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class UploadDetectionBenchmark {
    private static final String BOUNDARY = "----benchBoundary7MA4YWxk";
    private static final InetAddress PEER = InetAddress.getLoopbackAddress();

    @Param({"512", "8192"})
    public int size;

    private Participant detector;
    private List<Participant> participants;
    private RequestHead multipartHead;
    private RequestHead rawHead;
    private RequestHead jsonHead;
    private byte[] multipartBody;
    private byte[] rawBody;
    private byte[] jsonBody;

    @Setup
    public void setup() {
        detector = Uploads.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT);
        participants = List.of(detector);
        rawBody = png(size);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"beach.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        m.writeBytes(rawBody);
        m.writeBytes(ascii("\r\n--" + BOUNDARY + "--\r\n"));
        multipartBody = m.toByteArray();
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; json.length() < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"A-").append(i).append("\",\"qty\":3}");
        }
        jsonBody = ascii(json.append("]}").toString());
        multipartHead = head("multipart/form-data; boundary=" + BOUNDARY, multipartBody.length);
        rawHead = head("image/png", rawBody.length);
        jsonHead = head("application/json", jsonBody.length);
        if (multipart().blocks() || raw().blocks() || json().blocks()) {
            throw new IllegalStateException("a benchmark sample was blocked");
        }
    }

    @Benchmark
    public Outcome multipart() {
        return run(multipartHead, multipartBody);
    }

    @Benchmark
    public Outcome raw() {
        return run(rawHead, rawBody);
    }

    @Benchmark
    public Outcome json() {
        return run(jsonHead, jsonBody);
    }

    private Outcome run(RequestHead head, byte[] body) {
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", head, participants);
        tx.requestHead();
        if (tx.needsRequestBody()) {
            tx.requestBody(body, 0, body.length);
        }
        return tx.requestEnd(true);
    }

    private static RequestHead head(String contentType, int length) {
        return new RequestHead("POST", "/upload", List.of(new HeaderField("Host", "app.example"),
                new HeaderField("Content-Type", contentType), new HeaderField("Content-Length", Integer.toString(length))));
    }

    /** A PNG signature and IHDR chunk, then seeded pseudo-random bytes (compressed image data) up to {@code size}. */
    private static byte[] png(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 64, 0, 0, 0, 64, 8, 6, 0, 0, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
