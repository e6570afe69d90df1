package dev.pincer.proxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.BanConfig;
import dev.pincer.inspection.ban.BanList;
import dev.pincer.inspection.ban.IpText;
import dev.pincer.inspection.shared.LimitMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.prometheus.client.CollectorRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /bans} and {@code DELETE /bans/{ip}} with and without the admin token. */
class BansEndpointTest {
    private static final String TOKEN = "0123456789abcdef0123";
    private final BanList bans = new BanList(100, null, LimitMetrics.unregistered());
    private EmbeddedChannel ch;

    @AfterEach
    void tearDown() {
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
        bans.close();
    }

    private void serve(AdminToken token) {
        ch = new EmbeddedChannel(new AdminHandler(new CollectorRegistry(), () -> true, bans, token));
    }

    private static AdminToken token() {
        return AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 10, null, "T"),
                Map.of("T", TOKEN)::get);
    }

    private String[] send(HttpMethod method, String uri, String authorization) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        if (authorization != null) {
            req.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        ch.writeInbound(req);
        FullHttpResponse res = ch.readOutbound();
        try {
            return new String[] {Integer.toString(res.status().code()), res.content().toString(StandardCharsets.UTF_8),
                    res.headers().get(HttpHeaderNames.CONTENT_TYPE), res.headers().get(HttpHeaderNames.WWW_AUTHENTICATE)};
        } finally {
            res.release();
        }
    }

    private void ban(String ip) {
        bans.strike(ip, 1, Duration.ofMinutes(1), Duration.ofMinutes(10), "rules");
    }

    @Test
    void getListsTheBansAsJson() {
        serve(token());
        assertEquals("{\"bans\":[]}\n", send(HttpMethod.GET, "/bans", null)[1]);
        ban("203.0.113.7");
        String[] r = send(HttpMethod.GET, "/bans", null);
        assertEquals("200", r[0]);
        assertEquals("application/json", r[2]);
        assertTrue(r[1].matches("\\{\"bans\":\\[\\{\"ip\":\"203.0.113.7\",\"since\":\"[^\"]+\",\"until\":\"[^\"]+\","
                + "\"reason\":\"1 blocked requests within PT1M \\(last: rules\\)\"}]}\n"), r[1]);
    }

    @Test
    void deleteWithTheTokenLiftsTheBan() {
        serve(token());
        ban(IpText.normalize("2001:db8::1")); // the participant keys by InetAddress.getHostAddress()
        String[] r = send(HttpMethod.DELETE, "/bans/2001:DB8:0::1", "Bearer " + TOKEN);
        assertEquals("200", r[0], r[1]);
        assertNull(bans.find("2001:db8:0:0:0:0:0:1"));
        assertEquals("404", send(HttpMethod.DELETE, "/bans/2001:db8::1", "bearer " + TOKEN)[0]);
    }

    @Test
    void deleteWithoutOrWithAWrongTokenIs401AndLiftsNothing() {
        serve(token());
        ban("203.0.113.7");
        for (String auth : new String[] {null, "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Basic " + TOKEN,
                TOKEN, "Bearer "}) {
            String[] r = send(HttpMethod.DELETE, "/bans/203.0.113.7", auth);
            assertEquals("401", r[0], String.valueOf(auth));
            assertEquals("Bearer", r[3]);
        }
        assertNotNull(bans.find("203.0.113.7"));
    }

    @Test
    void withoutAConfiguredTokenDeleteIs403AndSaysWhy() {
        serve(AdminToken.none());
        ban("203.0.113.7");
        String[] r = send(HttpMethod.DELETE, "/bans/203.0.113.7", "Bearer anything-at-all-1234");
        assertEquals("403", r[0]);
        assertTrue(r[1].contains("no admin token is configured"), r[1]);
        assertNotNull(bans.find("203.0.113.7"));
        assertEquals("200", send(HttpMethod.GET, "/bans", null)[0], "reading needs no token");
    }

    @Test
    void aPathThatIsNotAnAddressIs400AndOtherMethodsAre405() {
        serve(token());
        assertEquals("400", send(HttpMethod.DELETE, "/bans/example.com", "Bearer " + TOKEN)[0]);
        assertEquals("400", send(HttpMethod.DELETE, "/bans/", "Bearer " + TOKEN)[0]);
        assertEquals("405", send(HttpMethod.POST, "/bans", null)[0]);
        assertEquals("405", send(HttpMethod.GET, "/bans/203.0.113.7", null)[0]);
        assertEquals("405", send(HttpMethod.POST, "/metrics", null)[0], "the other endpoints are as before");
    }

    @Test
    void withoutABanListBansAre404() {
        ch = new EmbeddedChannel(new AdminHandler(new CollectorRegistry(), () -> true));
        assertEquals("404", send(HttpMethod.GET, "/bans", null)[0]);
    }

    @Test
    void tokenSourcesAndTheirProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        AdminToken t = AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, file, null));
        assertTrue(t.matches("Bearer " + TOKEN));
        Files.writeString(file, "x".repeat(AdminToken.MIN_LENGTH - 1));
        AdminToken shortOne = AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1,
                file, null));
        assertFalse(shortOne.configured());
        assertTrue(shortOne.why().contains("shorter than 16"), shortOne.why());
        Files.writeString(file, "x".repeat(AdminToken.MIN_LENGTH));
        assertTrue(AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, file, null))
                .configured());
        Files.writeString(file, "x".repeat(AdminToken.MAX_LENGTH + 1));
        assertFalse(AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, file, null))
                .configured(), "one past the longest token");
        Files.writeString(file, "x".repeat(AdminToken.MAX_LENGTH));
        assertTrue(AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, file, null))
                .configured());
        AdminToken missing = AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1,
                dir.resolve("absent"), null));
        assertFalse(missing.configured());
        assertFalse(AdminToken.from(BanConfig.DEFAULT).configured());
        assertFalse(AdminToken.from(new BanConfig(true, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, null, "U"),
                Map.<String, String>of()::get).configured());
    }
}
