package dev.pincer.signatures.transform;

import java.util.Base64;

/**
 * {@code t:base64Encode}: standard Base64 with {@code =} padding and no line breaks, as
 * libmodsecurity v3 ({@code mbedtls_base64_encode}). The empty value stays empty.
 *
 * <p>Example: {@code <script>} gives {@code PHNjcmlwdD4=}.
 */
final class Base64Encode implements Transformation {

    @Override
    public String name() {
        return "base64Encode";
    }

    @Override
    public String apply(String value) {
        if (value.isEmpty()) {
            return value;
        }
        byte[] out = Base64.getEncoder().encode(Bytes.bytes(value));
        return Bytes.result(value, out, out.length);
    }
}
