package dev.pincer.sensor.servlet;

import dev.pincer.sensor.bootstrap.Bridge;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jakarta.servlet.http.HttpServlet.service(ServletRequest, ServletResponse)} and
 * {@code jakarta.servlet.FilterChain.doFilter(ServletRequest, ServletResponse)} implementations.
 * Compiled against the jakarta API; the types resolve in the container's loader, where it is inlined.
 *
 * <p>Entry: at the outermost entry point the {@code X-Pincer-Context} header is verified and the
 * context stored for the thread, with the request object (read only if a sink needs a verdict, for
 * the app's own view of the inputs); nested entries (forward, include, filters) keep it. Exit (normal
 * or not): the outermost exit forgets the context; if a sink of the request was blocked and the
 * response is not committed yet, the response becomes a 403 and the block exception is swallowed.
 * If it is committed, the exception goes on. Nothing else this advice does can throw.
 */
public final class JakartaServletAdvice {
    private JakartaServletAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) ServletRequest request) {
        try {
            String header = null;
            String host = null;
            Object http = null;
            if (Bridge.state().depth == 0 && request instanceof HttpServletRequest) {
                HttpServletRequest r = (HttpServletRequest) request;
                header = r.getHeader("X-Pincer-Context");
                host = r.getHeader("Host");
                http = r;
            }
            Bridge.requestEnter(header, host, http);
        } catch (Throwable ignored) {
            // never into the app
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Argument(1) ServletResponse response,
            @Advice.Thrown(readOnly = false) Throwable thrown) {
        try {
            String body = Bridge.requestExit();
            if (body != null && response != null && (thrown == null || Bridge.isBlock(thrown))
                    && !response.isCommitted()) {
                response.reset();
                if (response instanceof HttpServletResponse) {
                    ((HttpServletResponse) response).setStatus(403);
                }
                response.setContentType("text/plain;charset=UTF-8");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                response.setContentLength(bytes.length);
                try {
                    response.getOutputStream().write(bytes);
                } catch (IllegalStateException writerInUse) {
                    response.getWriter().write(body);
                }
                response.flushBuffer();
                thrown = null;
            }
        } catch (Throwable ignored) {
            // never into the app; the original outcome stands
        }
    }
}
