package dev.pincer.correlator.shell;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.Hit;

/**
 * One command-injection rule's strongest break-out: the occurrence it names and the finding. The
 * analyzer keeps the strongest across its rules ({@code Attribution.stronger} on the hits).
 */
record Judged(Hit hit, Finding finding) {
}
