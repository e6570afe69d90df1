package dev.pincer.e2e.harness;

import dev.pincer.e2e.corpus.Corpus.Case;
import dev.pincer.e2e.corpus.Corpus.Group;
import dev.pincer.e2e.corpus.Corpus.Proof;
import dev.pincer.e2e.harness.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends corpus cases and judges, by the group's {@link Proof}, whether the attack took effect: the
 * file was created, the rows were deleted, the secret came back, the redirect left the site. The
 * same judgement proves a vulnerable endpoint exploitable without protection and proves the sink
 * did not run with it.
 */
public final class Attempts {
    private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");
    /** Rows in the fixture table: admin, alice, bob, carol. */
    public static final int FIXTURE_ROWS = 4;

    private final Http http;
    private final Path markerDir;
    private final int internalPort;

    /** The outcome of one request. */
    public record Attempt(String endpoint, Reply reply, boolean worked) {
        @Override
        public String toString() {
            return endpoint + " -> " + reply + (worked ? " [ATTACK TOOK EFFECT]" : "");
        }
    }

    public Attempts(Http http, Path markerDir, int internalPort) {
        this.http = http;
        this.markerDir = markerDir;
        this.internalPort = internalPort;
    }

    /** The file the command case at this line tries to create. */
    public Path marker(Case c) {
        return markerDir.resolve("pwned-" + c.line());
    }

    public String fill(Case c, String value) {
        String v = value.startsWith(dev.pincer.e2e.corpus.Corpus.ATTACKER)
                ? value.substring(dev.pincer.e2e.corpus.Corpus.ATTACKER.length()) : value;
        return v.replace("{MARKER}", marker(c).toString()).replace("{IPORT}", Integer.toString(internalPort));
    }

    /** A {@code connect} case: its stream aimed at a listener of its own, and whether the app connected to it. */
    private Attempt sendConnect(URI base, Group g, Case c, String path, Map<String, String> headers)
            throws IOException {
        try (AttackerListener attacker = new AttackerListener()) {
            String value = AttackerListener.rewrite(c.value(), attacker.port());
            Reply r = http.send(base, g.via(), path, g.param(), value, c.wire(), headers);
            boolean worked = attacker.connectedWithin(500);
            return new Attempt(g.via() + " " + path, r, worked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Sends {@code c} to {@code path} (the group's vulnerable or safe endpoint) on {@code base}. */
    public Attempt send(URI base, Group g, Case c, String path, Map<String, String> headers) {
        Proof proof = g.proof();
        try {
            if (proof instanceof Proof.Connect) {
                return sendConnect(base, g, c, path, headers);
            }
            if (proof instanceof Proof.Marker) {
                Files.deleteIfExists(marker(c));
            }
            if (proof instanceof Proof.RowsDeleted) {
                http.get(base, "/reset");
            }
            Reply r = http.send(base, g.via(), path, g.param(), fill(c, c.value()), c.wire(), headers);
            boolean worked = worked(proof, r, base, c);
            if (proof instanceof Proof.Marker) {
                Files.deleteIfExists(marker(c));
            }
            if (proof instanceof Proof.RowsDeleted && worked) {
                http.get(base, "/reset");
            }
            return new Attempt(g.via() + " " + path, r, worked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean worked(Proof proof, Reply r, URI base, Case c) {
        if (proof instanceof Proof.Body b) {
            return b.pattern().matcher(r.body()).find();
        }
        if (proof instanceof Proof.Marker) {
            return Files.exists(marker(c));
        }
        if (proof instanceof Proof.RowsDeleted) {
            return rows(base) < FIXTURE_ROWS;
        }
        if (proof instanceof Proof.OffsiteRedirect) {
            return r.status() / 100 == 3 && BrowserLocation.offsite(r.header("Location"));
        }
        if (proof instanceof Proof.Echo) {
            return r.body().contains(fill(c, c.value())); // the browser got the payload unescaped
        }
        return false;
    }

    /** The row count of {@code users}, from {@code /rows}. */
    public int rows(URI base) {
        Reply r = http.get(base, "/rows");
        Matcher m = ROWS.matcher(r.body());
        if (r.status() != 200 || !m.find()) {
            throw new IllegalStateException("/rows answered " + r);
        }
        return Integer.parseInt(m.group(1));
    }
}
