package dev.pincer.proxy.admin;

import dev.pincer.inspection.ban.Ban;
import dev.pincer.inspection.ban.BanList;
import dev.pincer.inspection.ban.IpText;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /bans}: the bans in force, {@code {"bans":[{"ip","since","until","reason"}...]}},
 * soonest end first. {@code DELETE /bans/{ip}}: lifts one ban (on every instance when Redis is
 * shared), with the admin token; 401 with a wrong or missing token, 403 when no token is
 * configured (the body says why), 400 for a path that is not an address literal, 404 when that
 * client is not banned here.
 *
 * <p>Example: {@code curl -X DELETE -H "Authorization: Bearer $(cat token)" localhost:9901/bans/203.0.113.7}.
 */
final class BansEndpoint {
    private final BanList bans;
    private final AdminToken token;

    BansEndpoint(BanList bans, AdminToken token) {
        this.bans = bans;
        this.token = token;
    }

    /** Status, content type and body, or null when {@code path} is not this endpoint's. */
    Reply handle(FullHttpRequest req, String path) {
        if (!path.equals("/bans") && !path.startsWith("/bans/")) {
            return null;
        }
        if (bans == null) {
            return Reply.json(HttpResponseStatus.NOT_FOUND, "{\"error\":\"bans are not kept by this server\"}");
        }
        HttpMethod m = req.method();
        if (path.equals("/bans")) {
            if (!HttpMethod.GET.equals(m) && !HttpMethod.HEAD.equals(m)) {
                return Reply.json(HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"GET /bans, DELETE /bans/{ip}\"}");
            }
            StringBuilder sb = new StringBuilder("{\"bans\":[");
            boolean first = true;
            for (Ban b : bans.list()) {
                sb.append(first ? "" : ",").append(b.json());
                first = false;
            }
            return Reply.json(HttpResponseStatus.OK, sb.append("]}").toString());
        }
        if (!HttpMethod.DELETE.equals(m)) {
            return Reply.json(HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"DELETE /bans/{ip}\"}");
        }
        if (!token.configured()) {
            return Reply.json(HttpResponseStatus.FORBIDDEN, "{\"error\":" + quote(token.why()) + "}");
        }
        if (!token.matches(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return Reply.json(HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"Authorization: Bearer <admin token> "
                    + "required\"}").header(HttpHeaderNames.WWW_AUTHENTICATE.toString(), "Bearer");
        }
        String ip = IpText.normalize(path.substring("/bans/".length()));
        if (ip == null) {
            return Reply.json(HttpResponseStatus.BAD_REQUEST, "{\"error\":\"not an IP address literal\"}");
        }
        return bans.lift(ip) ? Reply.json(HttpResponseStatus.OK, "{\"lifted\":\"" + ip + "\"}")
                : Reply.json(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no ban for " + ip + "\"}");
    }

    /** A JSON string of trusted text (a config path may hold quotes or backslashes). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** One answer; at most one extra header. */
    record Reply(HttpResponseStatus status, String body, String header, String value) {
        static Reply json(HttpResponseStatus status, String body) {
            return new Reply(status, body + "\n", null, null);
        }

        Reply header(String name, String v) {
            return new Reply(status, body, name, v);
        }
    }
}
