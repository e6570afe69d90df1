package dev.pincer.inspection.seclang.variables;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.signatures.rule.EngineSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ModSecurity variables of one request, built the way libmodsecurity v3 builds them: the
 * request line and headers for phase 1 ({@link #RequestVariables}), the body for phase 2
 * ({@link #body}). Plain variables are collections with one value under key "".
 *
 * <p>Semantics kept from v3: REQUEST_URI and REQUEST_FILENAME are percent-decoded (only valid
 * {@code %XX}; {@code +} stays), the fragment is dropped, an absolute-form target is reduced to
 * its path; query and form arguments are split on the argument separator and on the first
 * {@code =}, decoded with {@code +} as space, and an invalid escape sets URLENCODED_ERROR; ARGS
 * holds ARGS_GET then ARGS_POST, each value named {@code ARGS:name}; cookies are split on
 * {@code ;}, keys left-trimmed, empty keys skipped.
 */
public final class RequestVariables {

    private final Map<String, Collection> collections = new HashMap<>();
    private final HttpData request;
    private final char separator;
    private final Entries args = new Entries("ARGS");
    private final Entries argNames = new Entries("ARGS_NAMES");
    private final Entries argsGet = new Entries("ARGS_GET");
    private final Entries argsGetNames = new Entries("ARGS_GET_NAMES");
    private final Entries argsPost = new Entries("ARGS_POST");
    private final Entries argsPostNames = new Entries("ARGS_POST_NAMES");
    private long argsCombinedSize;
    private boolean urlEncodedError;

    private final EngineSettings settings;
    private String argumentsError;
    /** The JSON arguments gathered in the extraction's pass ({@link #jsonView}), until phase 2. */
    private GatheredJson gathered;

    public RequestVariables(HttpData request, EngineSettings settings) {
        this.request = request;
        this.settings = settings;
        this.separator = settings.argumentSeparator();
        line();
        headers();
        put("REMOTE_ADDR", request.remoteAddress());
        put("REMOTE_HOST", request.remoteAddress());
        put("REMOTE_PORT", Integer.toString(request.remotePort()));
        put("UNIQUE_ID", request.uniqueId());
        for (Entries e : new Entries[] {args, argNames, argsGet, argsGetNames, argsPost, argsPostNames}) {
            collections.put(e.name(), e);
        }
        arguments();
    }

    /** The collection {@code name} (upper case), or null when the request has no such variable. */
    public Collection get(String name) {
        if (name.equals("ARGS_COMBINED_SIZE")) {
            return Entries.single(name, Long.toString(argsCombinedSize));
        }
        return collections.get(name);
    }

    private void put(String name, String value) {
        collections.put(name, Entries.single(name, value));
    }

    private void line() {
        String uri = request.target();
        int hash = uri.indexOf('#');
        String noFragment = hash < 0 ? uri : uri.substring(0, hash);
        int q = noFragment.indexOf('?');
        String pathRaw = q < 0 ? noFragment : noFragment.substring(0, q);
        String path = UrlDecoding.uri(pathRaw);
        put("REQUEST_METHOD", request.method());
        put("REQUEST_PROTOCOL", request.protocol());
        put("REQUEST_LINE", request.method() + " " + uri + " " + request.protocol());
        put("REQUEST_URI_RAW", uri);
        put("QUERY_STRING", q < 0 ? "" : noFragment.substring(q + 1));
        put("PATH_INFO", path);
        put("REQUEST_FILENAME", path);
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        if (slash >= 0 && slash + 1 < path.length()) {
            put("REQUEST_BASENAME", path.substring(slash + 1));
        } else {
            put("REQUEST_BASENAME", "");
        }
        String decoded = UrlDecoding.uri(noFragment);
        put("REQUEST_URI", absoluteToPath(decoded));
    }

    /** {@code http://host/a?b} as REQUEST_URI is {@code /a?b}, as v3 reduces it. */
    private static String absoluteToPath(String decoded) {
        if (decoded.isEmpty() || decoded.charAt(0) == '/') {
            return decoded;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.startsWith("//", colon + 1)) {
            return decoded;
        }
        int path = decoded.indexOf('/', colon + 3);
        return path < 0 ? decoded : decoded.substring(path);
    }

    private void headers() {
        Entries headers = new Entries("REQUEST_HEADERS");
        Entries headerNames = new Entries("REQUEST_HEADERS_NAMES");
        Entries cookies = new Entries("REQUEST_COOKIES");
        Entries cookieNames = new Entries("REQUEST_COOKIES_NAMES");
        for (HeaderField h : request.headers()) {
            headers.add(h.name(), h.value());
            headerNames.add(h.name(), h.name());
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                cookies(h.value(), cookies, cookieNames);
            } else if (lower.equals("authorization")) {
                int blank = h.value().indexOf(' ');
                put("AUTH_TYPE", blank < 0 ? h.value() : h.value().substring(0, blank));
            }
        }
        collections.put("REQUEST_HEADERS", headers);
        collections.put("REQUEST_HEADERS_NAMES", headerNames);
        collections.put("REQUEST_COOKIES", cookies);
        collections.put("REQUEST_COOKIES_NAMES", cookieNames);
    }

    private static void cookies(String value, Entries cookies, Entries names) {
        String v = value.stripTrailing();
        for (String c : v.split(";", -1)) {
            if (c.isEmpty()) {
                continue;
            }
            int eq = c.indexOf('=');
            String key = (eq < 0 ? c : c.substring(0, eq)).stripLeading();
            if (key.isEmpty()) {
                continue;
            }
            names.add(key, key);
            cookies.add(key, eq < 0 ? "" : c.substring(eq + 1));
        }
    }

    private void arguments() {
        String query = single("QUERY_STRING");
        if (!query.isEmpty()) {
            urlEncoded(query, argsGet, argsGetNames);
        }
    }

    private void urlEncoded(String text, Entries values, Entries names) {
        int[] invalid = new int[1];
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            String pair = text.substring(start, end);
            start = end + 1;
            if (pair.isEmpty()) {
                if (end == text.length()) {
                    break;
                }
                continue;
            }
            int eq = pair.indexOf('=');
            String key = UrlDecoding.argument(eq < 0 ? pair : pair.substring(0, eq), invalid);
            String value = eq < 0 ? "" : UrlDecoding.argument(pair.substring(eq + 1), invalid);
            argument(key, value, values, names);
        }
        if (invalid[0] > 0) {
            urlEncodedError = true;
            put("URLENCODED_ERROR", "1");
        }
    }

    private void argument(String key, String value, Entries values, Entries names) {
        if (args.size() >= settings.argumentsLimit()) {
            argumentsError = "more than " + settings.argumentsLimit() + " arguments (SecArgumentsLimit)";
            return;
        }
        values.add(key, value);
        names.add(key, key);
        args.add(key, value);
        argNames.add(key, key);
        argsCombinedSize += key.length() + value.length();
    }

    private String single(String name) {
        Collection c = collections.get(name);
        return c instanceof Entries e && e.size() == 1 ? e.all().get(0).value() : "";
    }

    /**
     * REQBODY_PROCESSOR before phase 2, as ModSecurity has it from phase 1 on: the processor the
     * Content-Type picks, then what a {@code ctl:requestBodyProcessor} chose (CRS's 920400 reads it
     * in phase 1). Null leaves it unset.
     */
    public void processor(String processor) {
        if (processor != null) {
            put("REQBODY_PROCESSOR", processor);
        }
    }

    /**
     * Phase 2: the body with {@code processor} (URLENCODED, JSON, MULTIPART, XML, or null for
     * none). Sets REQUEST_BODY (for URLENCODED and JSON, as ModSecurity v3 for JSON, or always when
     * {@code forceRequestBody}),
     * REQUEST_BODY_LENGTH, REQBODY_PROCESSOR, and REQBODY_ERROR/REQBODY_ERROR_MSG for a body
     * that does not parse.
     */
    public void body(byte[] bytes, String processor, boolean forceRequestBody) {
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
        put("REQUEST_BODY_LENGTH", Integer.toString(bytes == null ? 0 : bytes.length));
        put("REQBODY_ERROR", "0");
        if (processor != null) {
            put("REQBODY_PROCESSOR", processor);
        }
        if (bytes == null) {
            return;
        }
        if ("URLENCODED".equals(processor) || "JSON".equals(processor) || forceRequestBody || processor == null) {
            put("REQUEST_BODY", body);
        }
        String error = null;
        if ("URLENCODED".equals(processor)) {
            urlEncoded(body, argsPost, argsPostNames);
        } else if ("JSON".equals(processor)) {
            GatheredJson g = gathered;
            gathered = null;
            JsonArguments.Sink sink = (k, v) -> argument(k, v, argsPost, argsPostNames);
            error = g != null && g.covers(bytes) ? g.replay(sink) : JsonArguments.parse(bytes, settings.jsonDepthLimit(), sink);
        } else if ("MULTIPART".equals(processor)) {
            error = MultipartArguments.parse(body, String.valueOf(request.header("Content-Type")), new Files());
        } else if ("XML".equals(processor)) {
            XmlCollection xml = new XmlCollection();
            collections.put("XML", xml);
            error = XmlValues.parse(body, xml);
        }
        bodyError(error);
    }

    /**
     * A listener that gathers the JSON processor's arguments from {@code body} in a pass made for
     * another reader (the correlator's extraction), for {@link #body} to use if its bytes are the
     * same; null when one was handed out already.
     */
    public dev.pincer.inspection.body.JsonParser.Listener jsonView(byte[] body) {
        if (gathered != null) {
            return null;
        }
        gathered = new GatheredJson(body, settings.jsonDepthLimit(), settings.argumentsLimit() - args.size() + 1);
        return gathered.view();
    }

    /**
     * Phase 2 with a multipart body parsed as it streamed ({@link StreamedMultipart}): the variables
     * {@link #body} sets for processor MULTIPART, REQUEST_BODY_LENGTH counting the file contents.
     */
    public void body(StreamedMultipart body) {
        put("REQUEST_BODY_LENGTH", Long.toString(body.length()));
        put("REQBODY_ERROR", "0");
        put("REQBODY_PROCESSOR", "MULTIPART");
        bodyError(body.finish(new Files()));
    }

    private void bodyError(String parseError) {
        String error = parseError == null ? argumentsError : parseError;
        if (error != null) {
            put("REQBODY_ERROR", "1");
            put("REQBODY_ERROR_MSG", error);
            put("REQBODY_PROCESSOR_ERROR", "1");
        }
    }

    /** The multipart processor's findings as ARGS_POST, FILES*, MULTIPART_* variables. */
    private final class Files implements MultipartSink {
        private final Entries files = new Entries("FILES");
        private final Entries fileNames = new Entries("FILES_NAMES");
        private final Entries sizes = new Entries("FILES_SIZES");
        private final Entries partHeaders = new Entries("MULTIPART_PART_HEADERS");
        private long combined;

        Files() {
            for (Entries e : new Entries[] {files, fileNames, sizes, partHeaders}) {
                collections.put(e.name(), e);
            }
            put("FILES_COMBINED_SIZE", "0");
        }

        @Override
        public void field(String name, String value) {
            argument(name, value, argsPost, argsPostNames);
        }

        @Override
        public void file(String name, String fileName, long size, String contentType) {
            files.add(name, fileName);
            fileNames.add(name, name);
            sizes.add(name, Long.toString(size));
            combined += size;
            put("FILES_COMBINED_SIZE", Long.toString(combined));
        }

        @Override
        public void partHeader(String partName, String headerLine) {
            partHeaders.add(partName, headerLine);
        }

        private final Entries names = new Entries("MULTIPART_NAME");
        private final Entries fileNamesSeen = new Entries("MULTIPART_FILENAME");

        @Override
        public void flag(String variable, String value) {
            // MULTIPART_NAME and MULTIPART_FILENAME are collections: every name parsed is a member.
            if (variable.equals("MULTIPART_NAME")) {
                names.add("", value);
                collections.put(names.name(), names);
            } else if (variable.equals("MULTIPART_FILENAME")) {
                fileNamesSeen.add("", value);
                collections.put(fileNamesSeen.name(), fileNamesSeen);
            } else {
                put(variable, value);
            }
        }
    }

    /** Phase 3: RESPONSE_STATUS, RESPONSE_PROTOCOL, STATUS_LINE, RESPONSE_HEADERS(_NAMES), RESPONSE_CONTENT_*. */
    public void response(int status, String protocol, java.util.List<HeaderField> headers) {
        put("RESPONSE_STATUS", Integer.toString(status));
        put("RESPONSE_PROTOCOL", protocol);
        put("STATUS_LINE", protocol + " " + status);
        Entries values = new Entries("RESPONSE_HEADERS");
        Entries names = new Entries("RESPONSE_HEADERS_NAMES");
        for (HeaderField h : headers) {
            values.add(h.name(), h.value());
            names.add(h.name(), h.name());
            if (h.name().equalsIgnoreCase("Content-Type")) {
                put("RESPONSE_CONTENT_TYPE", h.value());
            } else if (h.name().equalsIgnoreCase("Content-Length")) {
                put("RESPONSE_CONTENT_LENGTH", h.value());
            }
        }
        collections.put("RESPONSE_HEADERS", values);
        collections.put("RESPONSE_HEADERS_NAMES", names);
    }

    /** Phase 4: RESPONSE_BODY (a prefix of at most SecResponseBodyLimit bytes). */
    public void responseBody(byte[] body) {
        put("RESPONSE_BODY", body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }

    /** True when a query or form argument held an invalid %-escape. */
    public boolean urlEncodedError() {
        return urlEncodedError;
    }
}
