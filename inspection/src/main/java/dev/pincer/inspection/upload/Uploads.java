package dev.pincer.inspection.upload;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.config.UploadConfig;
import dev.pincer.inspection.transaction.Participant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compiles the upload detector for one route of one config generation: the global
 * {@code protection.uploads} with the route's {@code routes[i].protection.uploads} over it. The
 * participant is stateless and immutable; Tika's type table behind it is built once per process
 * ({@link #warm()}), never per request or reload.
 *
 * <p>Example: {@code Participant p = Uploads.compile(config.protection(), route.protection());}
 * then add {@code p} (when not null) to the route's participants.
 */
public final class Uploads {
    static final LongAdder OVERFLOWS = new LongAdder();
    static final LongAdder UNJUDGED = new LongAdder();

    private Uploads() {
    }

    /** The route's upload detector, or null when uploads are off for it. */
    public static Participant compile(ProtectionConfig global, RouteProtection route) {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(route, "route");
        UploadConfig c = route.uploads().over(global.uploads());
        if (!c.on()) {
            return null;
        }
        warm();
        return new UploadDetector(Allowlist.of(c.allow()), UploadDetector.WINDOW);
    }

    /** Builds Tika's type table now, so the first upload does not pay for it; cheap after the first call. */
    public static void warm() {
        TypeDetector.warm();
    }

    /**
     * Multipart bodies whose non-file bytes (part headers, fields) passed the detector's 1 MiB
     * limit, so that file parts after it were not seen; process-wide, for a metric.
     */
    public static long fieldLimitOverflows() {
        return OVERFLOWS.sum();
    }

    /**
     * Multipart requests marked suspect because some of their body was never seen by the detector
     * (the body went past the inspected prefix, or its fields past the field limit), process-wide.
     */
    public static long unjudgedBodies() {
        return UNJUDGED.sum();
    }
}
