package dev.pincer.sensor.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real {@code jakarta.servlet.http.HttpServlet} driven without a container: the request is a
 * dynamic proxy that answers headers, the response a {@code HttpServletResponseWrapper} (a real
 * response implementation, so the redirect hooks apply) around a recording proxy.
 */
final class JakartaHarness {
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    /** What the "container" saw of the response. */
    static final class Recorded {
        int status = 200;
        boolean committed;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final Map<String, String> headers = new LinkedHashMap<>();
    }

    static final class Servlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Handler handler;

        Servlet(Handler handler) {
            this.handler = handler;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            try {
                handler.handle(req, resp);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A filter chain implementation: the container's entry point into the app. */
    static final class Chain implements FilterChain {
        private final Handler filter;
        private final HttpServlet servlet;

        Chain(Handler filter, HttpServlet servlet) {
            this.filter = filter;
            this.servlet = servlet;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            try {
                filter.handle((HttpServletRequest) request, (HttpServletResponse) response);
                servlet.service(request, response);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static HttpServletRequest request(String contextHeader, String host) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contextHeader != null) {
            headers.put("X-Pincer-Context", contextHeader);
        }
        if (host != null) {
            headers.put("Host", host);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(JakartaHarness.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getMethod" -> "GET";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRequestURI" -> "/it";
                    case "toString" -> "test request";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
    }

    /**
     * A request for {@code ?id=1%27--} whose (form) body holds {@code note=from-body}, behind a real
     * {@code HttpServletRequestWrapper} (a class the agent's parameter hook transforms); sets
     * {@code mapRead[0]} when anything asks the container for the parameters.
     */
    static HttpServletRequest paramRequest(String contextHeader, boolean[] mapRead) {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("id", new String[] {"1'--"});
        params.put("note", new String[] {"from-body"});
        HttpServletRequest raw = (HttpServletRequest) Proxy.newProxyInstance(JakartaHarness.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> ((String) args[0]).equalsIgnoreCase("X-Pincer-Context") ? contextHeader
                            : ((String) args[0]).equalsIgnoreCase("Host") ? "shop.example" : null;
                    case "getHeaderNames" -> java.util.Collections.enumeration(java.util.List.of("Host"));
                    case "getHeaders" -> java.util.Collections.enumeration(java.util.List.of("shop.example"));
                    case "getQueryString" -> "id=1%27--";
                    case "getParameter" -> {
                        mapRead[0] = true;
                        yield params.get((String) args[0]) == null ? null : params.get((String) args[0])[0];
                    }
                    case "getParameterMap" -> {
                        mapRead[0] = true;
                        yield params;
                    }
                    case "toString" -> "param request";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultValue(method.getReturnType());
                });
        return new HttpServletRequestWrapper(raw);
    }

    /** One request made by {@link #paramRequest} through {@code HttpServlet.service}. */
    static void callWithParams(String name, String contextHeader, Handler handler) {
        Recorded r = new Recorded();
        boolean[] mapRead = new boolean[1];
        HttpServletRequest req = paramRequest(contextHeader, mapRead);
        HttpServletResponse resp = response(r);
        Out.result(name, () -> new Servlet(handler).service((ServletRequest) req, (ServletResponse) resp));
        Out.fact(name + ".parametersParsed", mapRead[0]);
    }

    static HttpServletResponse response(Recorded r) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                r.body.write(b);
            }
        };
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(r.body, StandardCharsets.UTF_8), true);
        HttpServletResponse raw = (HttpServletResponse) Proxy.newProxyInstance(JakartaHarness.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isCommitted": return r.committed;
                        case "reset":
                            if (r.committed) {
                                throw new IllegalStateException("committed");
                            }
                            r.status = 200;
                            r.body.reset();
                            r.headers.clear();
                            return null;
                        case "setStatus": r.status = (Integer) args[0]; return null;
                        case "getStatus": return r.status;
                        case "setHeader":
                        case "addHeader": r.headers.put((String) args[0], (String) args[1]); return null;
                        case "setContentType": r.headers.put("Content-Type", (String) args[0]); return null;
                        case "setContentLength": r.headers.put("Content-Length", String.valueOf(args[0])); return null;
                        case "sendRedirect":
                            r.status = 302;
                            r.headers.put("Location", (String) args[0]);
                            r.committed = true;
                            return null;
                        case "getOutputStream": return out;
                        case "getWriter": return writer;
                        case "flushBuffer": writer.flush(); r.committed = true; return null;
                        case "toString": return "test response";
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        default: return defaultValue(method.getReturnType());
                    }
                });
        return new HttpServletResponseWrapper(raw);
    }

    static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == int.class ? 0 : (Object) 0;
    }

    /** One request through {@code HttpServlet.service}; prints how it ended and the response. */
    static void call(String name, String contextHeader, Handler handler) {
        Recorded r = new Recorded();
        HttpServletRequest req = request(contextHeader, "shop.example");
        HttpServletResponse resp = response(r);
        Out.result(name, () -> new Servlet(handler).service((ServletRequest) req, (ServletResponse) resp));
        report(name, r);
    }

    /** One request through a {@code FilterChain}, the filter running before the servlet. */
    static void callChain(String name, String contextHeader, Handler filter, Handler servlet) {
        Recorded r = new Recorded();
        HttpServletRequest req = request(contextHeader, "shop.example");
        HttpServletResponse resp = response(r);
        Out.result(name, () -> new Chain(filter, new Servlet(servlet)).doFilter(req, resp));
        report(name, r);
    }

    /** Calls a second servlet from inside a request, as a forward does. */
    static void forward(String contextHeader, Handler handler) throws Exception {
        Recorded r = new Recorded();
        new Servlet(handler).service((ServletRequest) request(contextHeader, "inner.example"),
                (ServletResponse) response(r));
    }

    private static void report(String name, Recorded r) {
        Out.fact(name + ".status", r.status);
        Out.fact(name + ".body", r.body.toString(StandardCharsets.UTF_8).replace("\n", "\\n"));
        Out.fact(name + ".headers", r.headers);
    }
}
