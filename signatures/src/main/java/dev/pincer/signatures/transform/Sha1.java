package dev.pincer.signatures.transform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code t:sha1}: the raw SHA-1 digest of the value's bytes, as a byte string of 20 bytes (not
 * hex), as libmodsecurity v3 ({@code sha1.cc}); chain {@code t:hexEncode} for hex. The empty value
 * has a digest too.
 *
 * <p>Example: {@code t:sha1,t:hexEncode} on {@code abc} gives {@code a9993e364706816aba3e25717850c26c9cd0d89d}.
 */
final class Sha1 implements Transformation {

    @Override
    public String name() {
        return "sha1";
    }

    @Override
    public String apply(String value) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform provides SHA-1", e);
        }
        byte[] out = digest.digest(Bytes.bytes(value));
        return Bytes.result(value, out, out.length);
    }
}
