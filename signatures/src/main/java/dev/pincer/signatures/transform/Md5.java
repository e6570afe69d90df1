package dev.pincer.signatures.transform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code t:md5}: the raw MD5 digest of the value's bytes, as a byte string of 16 bytes (not
 * hex), as libmodsecurity v3 ({@code md5.cc}); chain {@code t:hexEncode} for hex. The empty value
 * has a digest too.
 *
 * <p>Example: {@code t:md5,t:hexEncode} on {@code abc} gives {@code 900150983cd24fb0d6963f7d28e17f72}.
 */
final class Md5 implements Transformation {

    @Override
    public String name() {
        return "md5";
    }

    @Override
    public String apply(String value) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform provides MD5", e);
        }
        byte[] out = digest.digest(Bytes.bytes(value));
        return Bytes.result(value, out, out.length);
    }
}
