package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.file.FileSink;
import dev.pincer.sensor.internal.Decider;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;

/**
 * Kind {@code url}: args {@code [url]}, attrs {@code api} ({@code URL.openConnection},
 * {@code HttpClient.send}, {@code HttpClient.sendAsync}). Class-loading URLs ({@code jrt:},
 * {@code jar:file:}, and {@code file:} URLs of jar and class files) are the JVM's own business and
 * are skipped.
 */
public final class UrlSink {
    private static volatile Method uri;

    private UrlSink() {
    }

    public static void check(Decider decider, ThreadState st, Object target, String method) {
        String url;
        String api;
        if (target instanceof URL) {
            URL u = (URL) target;
            String protocol = u.getProtocol();
            if ("jrt".equals(protocol) || ("jar".equals(protocol) && u.getFile().startsWith("file:"))
                    || ("file".equals(protocol) && FileSink.jvmOwnRead(u.getPath()))) {
                return;
            }
            url = u.toExternalForm();
            api = "URL.openConnection";
        } else {
            url = uriOf(target);
            if (url == null) {
                return;
            }
            api = "HttpClient." + method;
        }
        decider.decide(st, Bridge.URL, Collections.singletonList(url), Arrays.asList("api", api));
    }

    /** {@code HttpRequest.uri()}, called through the public API class (the impl is not exported). */
    static String uriOf(Object request) {
        if (request == null) {
            return null;
        }
        try {
            Method m = uri;
            if (m == null) {
                m = Class.forName("java.net.http.HttpRequest").getMethod("uri");
                uri = m;
            }
            Object u = m.invoke(request);
            return u == null ? null : u.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
