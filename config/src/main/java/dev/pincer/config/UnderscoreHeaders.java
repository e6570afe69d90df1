package dev.pincer.config;

/**
 * What a listener does with a request header whose name contains {@code _}. Many app servers
 * (CGI-style ones, and frameworks that map headers to {@code HTTP_*} variables) treat
 * {@code Content_Length} and {@code Content-Length} as the same field, so such a name can smuggle
 * past checks made on the hyphenated one. nginx drops them by default
 * ({@code underscores_in_headers off}); so does Pincer.
 *
 * <p>Example: with {@link #DROP}, {@code X_Forwarded_For: 1.2.3.4} never reaches the app or the
 * inspection of the request; with {@link #REJECT} the request is answered 400.
 */
public enum UnderscoreHeaders {
    /** Remove the field before the request is inspected or forwarded, and count it (the default). */
    DROP,
    /** Forward it like any other field. */
    ALLOW,
    /** Answer 400 ({@code underscore_header}). */
    REJECT
}
