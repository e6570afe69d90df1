package dev.pincer.inspection.upload;

import dev.pincer.inspection.body.BodyBuffer;
import dev.pincer.inspection.body.FileParts;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;

/**
 * One request's upload inspection. A multipart body is streamed through a {@link BodyBuffer}
 * whose {@link FileParts} hook hands this step each file part's headers and content; a raw body is
 * one file. Each file is judged as soon as its window is full or it ends, and any still open at
 * the request end (the body ended, or the proxy's prefix limit cut it) is judged on what was seen.
 * The first blocked file blocks the request with 403 at that phase. Each detection costs about a
 * third of a millisecond (bench/README.md), so a request may carry at most
 * {@link UploadDetector#MAX_FILES} non-empty files: one more blocks it with 403 and an
 * {@code ANALYSIS_LIMIT} finding, never passing files it did not judge.
 *
 * <p>A multipart body that did not end within what the proxy inspects (its body prefix), or whose
 * non-file parts passed the detector's field limit, may carry files this step never saw. The
 * request is then not passed as if judged: the request end marks it <em>suspect</em> (an
 * {@code upload} finding naming why), which the proxy logs as an edge event and hands to the
 * correlator, and {@link Uploads#unjudgedBodies()} counts it. Blocking it instead would refuse
 * every ordinary upload larger than the prefix.
 *
 * <p>Example: {@code POST /upload} with a part {@code filename="a.jpg"} holding {@code <?php ...}
 * returns {@code Outcome.block(403, Finding("upload", MALICIOUS_UPLOAD, ...))} from the body phase
 * that delivered the part's end.
 */
final class UploadStep implements Step, FileParts {
    private final UploadDetector detector;
    private BodyBuffer multipart;
    private final FilePrefix file;
    private String blocked;
    private boolean overflowed;
    private boolean tooMany;
    private int judged;

    private UploadStep(UploadDetector detector) {
        this.detector = detector;
        this.file = new FilePrefix(detector.window());
    }

    /** A step for a multipart body, or null when its boundary is unusable (then it is read as raw). */
    static UploadStep multipart(UploadDetector detector, String contentType) {
        UploadStep s = new UploadStep(detector);
        BodyBuffer parts = BodyBuffer.of(contentType, UploadDetector.FIELD_LIMIT, s);
        if (!parts.filtersFiles()) {
            return null;
        }
        s.multipart = parts;
        return s;
    }

    /** A step for a raw body: one file with the request's type, named by {@code filename} (may be null). */
    static UploadStep raw(UploadDetector detector, String contentType, String filename) {
        UploadStep s = new UploadStep(detector);
        s.file.start(contentType, filename);
        return s;
    }

    @Override
    public boolean needsRequestBody() {
        return true;
    }

    @Override
    public Outcome requestBody(Transaction tx, byte[] chunk, int offset, int length) {
        if (blocked != null) {
            return outcome();
        }
        if (multipart != null) {
            if (!multipart.append(chunk, offset, length) && !overflowed) {
                overflowed = true; // later parts are not seen: counted, and judged as a cut body is
                Uploads.OVERFLOWS.increment();
            }
        } else if (file.open()) {
            for (int i = 0; i < length && file.open(); i++) {
                if (file.add(chunk[offset + i])) {
                    judge(false);
                }
            }
        }
        return outcome();
    }

    @Override
    public Outcome requestEnd(Transaction tx) {
        if (blocked == null && file.open()) {
            judge(!tx.bodyComplete());
        }
        if (blocked == null && multipart != null && (overflowed || !tx.bodyComplete())) {
            Uploads.UNJUDGED.increment();
            String why = overflowed ? "its non-file parts passed the " + UploadDetector.FIELD_LIMIT + "-byte field limit"
                    : "the body went on past the inspected prefix";
            return Outcome.suspect(java.util.List.of(new Finding(UploadDetector.CONTROL, AttackClass.MALICIOUS_UPLOAD,
                    null, "upload not fully judged: " + why + ", so later files were not seen", 0)));
        }
        return outcome();
    }

    @Override
    public void start(String contentType, String filename) {
        if (blocked == null) {
            file.start(contentType, filename);
        }
    }

    @Override
    public void content(byte b) {
        if (blocked == null && file.open() && file.add(b)) {
            judge(false);
        }
    }

    @Override
    public void end() {
        if (blocked == null && file.open()) {
            file.dropDelimiterBreak();
            judge(false);
        }
    }

    /** Judges the open file; past {@link UploadDetector#MAX_FILES} non-empty files, blocks instead. */
    private void judge(boolean cut) {
        if (!file.empty() && ++judged > UploadDetector.MAX_FILES) {
            tooMany = true;
            blocked = "upload blocked: more than " + UploadDetector.MAX_FILES + " files in one request"
                    + " (limit: " + UploadDetector.MAX_FILES + ")";
            return;
        }
        blocked = file.judge(detector.allow(), cut);
    }

    private Outcome outcome() {
        if (blocked == null) {
            return Outcome.CONTINUE;
        }
        AttackClass c = tooMany ? AttackClass.ANALYSIS_LIMIT : AttackClass.MALICIOUS_UPLOAD;
        return Outcome.block(403, new Finding(UploadDetector.CONTROL, c, null, blocked, 0));
    }
}
