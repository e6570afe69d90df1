package dev.pincer.proxy.http1;

import io.netty.util.AsciiString;

/**
 * One validated field line. {@code name} is as received; {@code value} has its leading and trailing
 * OWS removed, and {@code trailingOws} says whether there was trailing OWS to remove (the
 * Transfer-Encoding rule refuses it). Both keep the received bytes, obs-text included.
 */
record FieldLine(AsciiString name, AsciiString value, boolean trailingOws) {

    boolean is(AsciiString fieldName) {
        return name.contentEqualsIgnoreCase(fieldName);
    }
}
