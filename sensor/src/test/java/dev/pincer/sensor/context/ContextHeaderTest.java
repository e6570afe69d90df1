package dev.pincer.sensor.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.testing.TestHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContextHeaderTest {
    private static final long NOW = 1_800_000_000L;
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    /** The spec's own vectors (docs/sensor-protocol.md, section 1, "Test vectors"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0123456789abcdef|1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw|000102030405060708090a0b0c0d0e0f|7",
        "0123456789abcdef|1:ffeeddccbbaa99887766554433221100:0:1767225600:f6kCn-9ZnW-EyRkm9qLv-A|ffeeddccbbaa99887766554433221100|0",
        "s3cret-tøken-für-sensors|1:5f0c2a9e7d3b4c1a8e6f0d2b9a7c3e51:5:4102444800:3gBHgmKt2-3QIH1aZzNKLA|5f0c2a9e7d3b4c1a8e6f0d2b9a7c3e51|5",
    })
    void specVectorsVerify(String token, String header, String ctx, int hint) {
        independentVectorsVerify(token, header, ctx, hint);
    }

    /**
     * Vectors computed outside Java (Python's hmac module) from the spec's definition:
     * sig = base64url(first 16 bytes of HMAC-SHA256(HMAC-SHA256(token, "pincer header v1"), "1:ctx:hint:expiry")).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0123456789abcdef0123456789abcdef|1:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg|000102030405060708090a0b0c0d0e0f|7",
        "pincer-test-token-16+|1:ffffffffffffffffffffffffffffffff:0:1700000000:UnH4HavORDnC7DZj1czo8g|ffffffffffffffffffffffffffffffff|0",
        "tökén-ünïcode-secret|1:a1b2c3d4e5f60718293a4b5c6d7e8f90:5:4102444800:W5CpTHU-nsKoULa_HudpUw|a1b2c3d4e5f60718293a4b5c6d7e8f90|5",
    })
    void independentVectorsVerify(String token, String header, String ctx, int hint) {
        ContextHeader h = new ContextHeader(token);
        ContextHeader.Context c = h.verify(header, 1_600_000_000L, null);
        assertNotNull(c, header);
        assertEquals(ctx, c.ctx);
        assertEquals(hint, c.hint);
        String[] parts = header.split(":");
        assertEquals(header, h.header(parts[1], Integer.parseInt(parts[2], 16), Long.parseLong(parts[3])));
    }

    @Test
    void expiredHeaderIsRejected() {
        ContextHeader h = new ContextHeader("pincer-test-token-16+");
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        assertNull(h.verify("1:ffffffffffffffffffffffffffffffff:0:1700000000:UnH4HavORDnC7DZj1czo8g", 1_700_000_001L, why));
        assertEquals(ContextHeader.Result.EXPIRED, why[0]);
        assertNotNull(h.verify("1:ffffffffffffffffffffffffffffffff:0:1700000000:UnH4HavORDnC7DZj1czo8g", 1_700_000_000L, why));
    }

    @Test
    void wrongTokenIsABadSignature() {
        String header = TestHeaders.sign("another-token-entirely", "000102030405060708090a0b0c0d0e0f", 7, NOW + 60);
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        assertNull(new ContextHeader(TOKEN).verify(header, NOW, why));
        assertEquals(ContextHeader.Result.BAD_SIGNATURE, why[0]);
    }

    @Test
    void tamperedHintIsABadSignature() {
        String header = TestHeaders.sign(TOKEN, "000102030405060708090a0b0c0d0e0f", 0, NOW + 60);
        String forged = header.replace(":0:", ":7:");
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        assertNull(new ContextHeader(TOKEN).verify(forged, NOW, why));
        assertEquals(ContextHeader.Result.BAD_SIGNATURE, why[0]);
    }

    @Test
    void absentHeader() {
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        assertNull(new ContextHeader(TOKEN).verify(null, NOW, why));
        assertEquals(ContextHeader.Result.ABSENT, why[0]);
        assertNull(new ContextHeader(TOKEN).verify("", NOW, why));
        assertEquals(ContextHeader.Result.ABSENT, why[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // version
        "1:000102030405060708090A0B0C0D0E0F:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // upper-case ctx
        "1:000102030405060708090a0b0c0d0e0:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg",  // short ctx
        "1:000102030405060708090a0b0c0d0e0f:77:4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // two hint digits
        "1:000102030405060708090a0b0c0d0e0f:g:4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // hint not hex
        "1:000102030405060708090a0b0c0d0e0f:7::FnuHeGiOhpnxo7Zf1br9Vg",           // no expiry
        "1:000102030405060708090a0b0c0d0e0f:7:-4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // sign
        "1:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg=", // padding
        "1:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9V",  // short sig
        "1:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9V+", // not url alphabet
        " 1:000102030405060708090a0b0c0d0e0f:7:4102444800:FnuHeGiOhpnxo7Zf1br9Vg", // space
        "1:000102030405060708090a0b0c0d0e0f:7:99999999999999999999:FnuHeGiOhpnxo7Zf1br9Vg", // expiry overflow
    })
    void malformedHeadersAreRejected(String header) {
        ContextHeader.Result[] why = new ContextHeader.Result[1];
        assertNull(new ContextHeader(TOKEN).verify(header, 1_600_000_000L, why));
        assertTrue(why[0] == ContextHeader.Result.MALFORMED || why[0] == ContextHeader.Result.BAD_SIGNATURE,
                String.valueOf(why[0]));
    }

    @Test
    void constantTimeCompare() {
        assertTrue(ContextHeader.constantTimeEquals("abc", "xxabc", 2));
        assertFalse(ContextHeader.constantTimeEquals("abc", "xxabd", 2));
        assertFalse(ContextHeader.constantTimeEquals("abc", "xxab", 2));
    }
}
