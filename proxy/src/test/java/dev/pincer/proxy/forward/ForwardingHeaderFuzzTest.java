package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.config.CidrRange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the forwarding headers in {@code forward/client-identity.csv} must only ever
 * resolve to an address: never throw, never null, always the peer for an untrusted peer, and from
 * a trusted peer either the peer or an address whose text occurs in the header. Seeded, so a
 * failure reproduces.
 */
class ForwardingHeaderFuzzTest {
    private static final String ALPHABET = "0123456789abcdefABCDEF.:[]\"\\,; \t=_-%forFORunknown\u0000\u00e9\uFFFF";
    private static final List<CidrRange> TRUSTED = List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("::1"));
    private static final InetAddress PROXY = IpLiteral.v4("10.0.0.1");
    private static final InetAddress STRANGER = IpLiteral.v4("203.0.113.9");

    @Test
    void mutatedHeadersOnlyEverResolveToAnAddress() throws IOException {
        List<String> seeds = seeds();
        Random random = new Random(20261202L);
        for (int i = 0; i < 50_000; i++) {
            String h = mutate(seeds.get(random.nextInt(seeds.size())), random, 1 + random.nextInt(4));
            boolean asXff = random.nextBoolean();
            try {
                InetAddress c = ClientAddress.client(PROXY, true, asXff ? h : null, asXff ? null : h, TRUSTED);
                assertNotNull(c);
                assertTrue(c.equals(PROXY) || occurs(c, h), () -> c + " does not occur in " + h);
                assertEquals(STRANGER, ClientAddress.client(STRANGER, false, h, h, TRUSTED));
            } catch (RuntimeException | Error e) {
                fail("iteration " + i + " threw " + e + " for " + (asXff ? "X-Forwarded-For" : "Forwarded") + ": " + h, e);
            }
        }
    }

    /** Some spelling of {@code a} is in {@code h}: IPv4 dotted, or the IPv6 hextets in any case. */
    private static boolean occurs(InetAddress a, String h) {
        String lower = h.toLowerCase(java.util.Locale.ROOT).replace("\\", "");
        if (a.getAddress().length == 4) {
            return lower.contains(a.getHostAddress());
        }
        return lower.contains(ClientAddress.text(a)) || lower.contains(a.getHostAddress()) || lower.contains("::");
    }

    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = ForwardingHeaderFuzzTest.class.getResourceAsStream("/forward/client-identity.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|");
                for (int k = 1; k <= 2; k++) {
                    if (!f[k].strip().equals("-")) {
                        out.add(f[k].strip());
                    }
                }
            }
        }
        return out;
    }

    private static String mutate(String s, Random r, int times) {
        for (int t = 0; t < times; t++) {
            int at = s.isEmpty() ? 0 : r.nextInt(s.length());
            char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            s = switch (r.nextInt(5)) {
                case 0 -> s.substring(0, at);
                case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(4)));
                case 2 -> s.substring(0, at) + c + s.substring(at);
                case 3 -> s.isEmpty() ? String.valueOf(c) : s.substring(0, at) + c + s.substring(at + 1);
                default -> s + ", " + s; // longer chains
            };
        }
        return s;
    }
}
