package dev.pincer.proxy.http1;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** A validated request line: {@code target} is exactly as received. */
record RequestLine(HttpMethod method, String target, HttpVersion version) {
}
