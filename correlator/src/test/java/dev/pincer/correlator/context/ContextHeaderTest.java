package dev.pincer.correlator.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContextHeaderTest {
    private static final String TOKEN = "0123456789abcdef";
    private static final String CTX = "000102030405060708090a0b0c0d0e0f";
    private static final String GOOD = "1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw";
    private static final long BEFORE = 1767225000L;

    record Vector(String token, String ctx, int hint, long expiry, String header) {
        @Override
        public String toString() {
            return header;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        try (InputStream in = ContextHeaderTest.class.getResourceAsStream("/context/header-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new Vector(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsTheSpecVectors(Vector v) {
        ContextHeader h = new ContextHeader(v.token());
        assertEquals(v.header(), h.sign(v.ctx(), v.hint(), v.expiry()));
        assertEquals(new ContextHeader.Verified(v.ctx(), v.hint(), v.expiry()), h.verify(v.header(), v.expiry()));
    }

    @Test
    void expiresAfterTheExpirySecond() {
        ContextHeader h = new ContextHeader(TOKEN);
        assertNotNull(h.verify(GOOD, 1767225600L));
        assertNull(h.verify(GOOD, 1767225601L));
    }

    @Test
    void anotherTokenDoesNotVerify() {
        assertNull(new ContextHeader("fedcba9876543210").verify(GOOD, BEFORE));
    }

    /** Every way a header can be wrong is "no context", never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "1",
        "2:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:6:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:7:1767225601:79EnN9hv-_U7mNN0oW_dKw",
        "1:100102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090A0B0C0D0E0F:7:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKx",
        "1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw=",
        "1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv+/U7mNN0oW/dKw",
        "1:000102030405060708090a0b0c0d0e0f:7:01767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:7:-1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:07:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw:",
        " 1:000102030405060708090a0b0c0d0e0f:7:1767225600:79EnN9hv-_U7mNN0oW_dKw",
        "1:000102030405060708090a0b0c0d0e0f::1767225600:79EnN9hv-_U7mNN0oW_dKw",
    })
    void refusesWhatItCannotVerify(String header) {
        assertNull(new ContextHeader(TOKEN).verify(header, BEFORE));
    }

    @Test
    void refusesToSignBadInput() {
        ContextHeader h = new ContextHeader(TOKEN);
        assertThrows(IllegalArgumentException.class, () -> h.sign("xyz", 7, 1));
        assertThrows(IllegalArgumentException.class, () -> h.sign(CTX, 16, 1));
        assertThrows(IllegalArgumentException.class, () -> h.sign(CTX, -1, 1));
    }

    @Test
    void contextIdsAreThirtyTwoHexAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ContextIds.next();
            assertTrue(ContextIds.valid(id), id);
            assertTrue(seen.add(id), "duplicate " + id);
        }
        for (String bad : List.of("", "0123", CTX.toUpperCase(), CTX + "0", CTX.replace('f', 'g'))) {
            assertEquals(false, ContextIds.valid(bad), bad);
        }
    }
}
