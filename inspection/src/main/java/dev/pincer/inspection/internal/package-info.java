/**
 * Shared by the {@code request} and {@code body} packages but not API: the bounded input collector,
 * the one percent-decoder, and the {@code name=value&...} splitter used for both query strings
 * and form bodies. May change without notice.
 */
package dev.pincer.inspection.internal;
