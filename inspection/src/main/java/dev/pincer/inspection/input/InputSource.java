package dev.pincer.inspection.input;

/** Where in the request an input came from. The name is what security events print. */
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
    APP_COOKIE("app_cookie");

    private final String label;

    InputSource(String label) {
        this.label = label;
    }

    /** The stable lower-case name used in events and docs. */
    public String label() {
        return label;
    }
}
