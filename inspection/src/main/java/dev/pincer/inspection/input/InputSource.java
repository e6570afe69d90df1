package dev.pincer.inspection.input;

/**
 * Where in the request an input came from. The name is what security events print.
 *
 * <p>Names are inputs too: an app that iterates {@code getParameterNames()} or
 * {@code getHeaderNames()} puts the client's names into its sinks. A name that is not a
 * {@linkplain PlainName plain word} is therefore also an input of its own, with a {@code *_NAME}
 * source; its {@link Input#name()} and its value are the name itself (e.g.
 * {@code Input(QUERY_NAME, "x') OR 1=1--", "x%27)%20OR%201%3D1--", "x') OR 1=1--")}), so an
 * event says {@code "source":"query_name"}: the parameter name. JSON object keys are
 * {@link #JSON} inputs already (path {@code #key}), and multipart file names
 * {@link #MULTIPART_FILENAME}.
 */
public enum InputSource {
    /** A URL path segment, e.g. {@code 42} in {@code /users/42}. */
    PATH("path"),
    /** A query-string parameter value. */
    QUERY("query"),
    /** An {@code application/x-www-form-urlencoded} body field value. */
    FORM("form"),
    /** A {@code multipart/form-data} non-file field value. */
    MULTIPART_FIELD("multipart"),
    /** The client-supplied file name of a {@code multipart/form-data} file part. */
    MULTIPART_FILENAME("multipart_filename"),
    /** A JSON leaf (string, number, boolean) or object key; the name is a JSON path like {@code a.b[2]}. */
    JSON("json"),
    /** XML element text or attribute value; the name is a path like {@code /order/item/@id}. */
    XML("xml"),
    /** A cookie value. */
    COOKIE("cookie"),
    /** A request header value. */
    HEADER("header"),
    /** A query parameter's name (not a plain word), the name as the value. */
    QUERY_NAME("query_name"),
    /** A form body field's name (not a plain word). */
    FORM_NAME("form_name"),
    /** A {@code multipart/form-data} part's field name (not a plain word). */
    MULTIPART_NAME("multipart_name"),
    /** A cookie's name (not a plain word). */
    COOKIE_NAME("cookie_name"),
    /** A request header's name as sent (not a plain word; header names are tokens, so e.g. {@code x'or'1}). */
    HEADER_NAME("header_name"),
    /** A body the proxy could not parse as its declared type, taken whole (bounded). */
    RAW_BODY("body"),
    /**
     * A servlet parameter as the application itself parsed it (query and form, sensor protocol v2
     * INPUTS): the app's view, which may differ from the edge's (parameter pollution, charsets).
     */
    APP_PARAMETER("app_parameter"),
    /** A request header as the application's container saw it (sensor protocol v2 INPUTS). */
    APP_HEADER("app_header"),
    /** A cookie as the application's container parsed it (sensor protocol v2 INPUTS). */
    APP_COOKIE("app_cookie"),
    /** A servlet parameter's name as the application parsed it (not a plain word). */
    APP_PARAMETER_NAME("app_parameter_name"),
    /** A request header's name as the application's container saw it (not a plain word). */
    APP_HEADER_NAME("app_header_name"),
    /** A cookie's name as the application's container parsed it (not a plain word). */
    APP_COOKIE_NAME("app_cookie_name");

    private final String label;

    InputSource(String label) {
        this.label = label;
    }

    /** True for the {@code *_NAME} sources: the input is a name, its value the name itself. */
    public boolean isName() {
        return switch (this) {
            case QUERY_NAME, FORM_NAME, MULTIPART_NAME, COOKIE_NAME, HEADER_NAME, APP_PARAMETER_NAME,
                    APP_HEADER_NAME, APP_COOKIE_NAME -> true;
            default -> false;
        };
    }

    /**
     * The source of the names of this source's inputs ({@code QUERY} gives {@code QUERY_NAME}), or
     * null when its names are not inputs of their own (paths, JSON and XML paths: JSON keys are
     * JSON inputs already).
     */
    public InputSource nameSource() {
        return switch (this) {
            case QUERY -> QUERY_NAME;
            case FORM -> FORM_NAME;
            case MULTIPART_FIELD, MULTIPART_FILENAME -> MULTIPART_NAME;
            case COOKIE -> COOKIE_NAME;
            case HEADER -> HEADER_NAME;
            case APP_PARAMETER -> APP_PARAMETER_NAME;
            case APP_HEADER -> APP_HEADER_NAME;
            case APP_COOKIE -> APP_COOKIE_NAME;
            default -> null;
        };
    }

    /** The stable lower-case name used in events and docs. */
    public String label() {
        return label;
    }
}
