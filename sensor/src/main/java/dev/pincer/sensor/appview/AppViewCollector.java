package dev.pincer.sensor.appview;

import dev.pincer.sensor.client.AppInputs;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the app's own view of a request from its servlet request object: the parameters (as the
 * container parsed them), the cookies, and the header names and values, within the bounds of
 * {@link AppInputs}. It never changes what the app sees: the parameter map is read only when the
 * app itself already made the container parse it ({@code parametersRead}); otherwise only the query
 * string is parsed here, and a form body the app may still read from {@code getInputStream()} is
 * left alone. Headers and cookies are always safe to read. Names are inputs too (an app may
 * iterate {@code getParameterNames()} or {@code getHeaderNames()}): every entry carries its name,
 * and a parameter or header without any value is still sent once with an empty value, so its
 * name reaches the correlator. Any failure ends collection where it is, marks the view truncated,
 * and is never thrown.
 *
 * <p>Example: {@code GET /search?q=1'--} with {@code Cookie: sid=ab} gives
 * {@code [param q="1'--", cookie sid="ab", header host="shop.example", header cookie="sid=ab"]}.
 */
public final class AppViewCollector {
    /** The context header is Pincer's own, not the client's input. */
    private static final String CONTEXT_HEADER = "x-pincer-context";

    private AppViewCollector() {
    }

    /** The view of {@code request} (a javax or jakarta {@code HttpServletRequest}); never throws. */
    public static AppInputs collect(Object request, boolean parametersRead) {
        return collect(request, parametersRead, new AppInputs());
    }

    static AppInputs collect(Object request, boolean parametersRead, AppInputs out) {
        try {
            ServletMethods m = ServletMethods.FOR_CLASS.get(request.getClass());
            if (!m.usable()) {
                out.markTruncated();
                return out;
            }
            if (parametersRead) {
                parameters(m, request, out);
            } else {
                QueryString.addTo((String) m.getQueryString.invoke(request), out);
            }
            cookies(m, request, out);
            headers(m, request, out);
        } catch (Throwable t) {
            out.markTruncated();
        }
        return out;
    }

    private static void parameters(ServletMethods m, Object request, AppInputs out) throws Exception {
        Map<?, ?> map = (Map<?, ?>) m.getParameterMap.invoke(request);
        if (map == null) {
            return;
        }
        for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
            Map.Entry<?, ?> e = it.next();
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            String[] values = v instanceof String[] ? (String[]) v : new String[] {String.valueOf(v)};
            if (values.length == 0 && !out.add(AppInputs.PARAMETER, name, "")) {
                return;
            }
            for (String value : values) {
                if (!out.add(AppInputs.PARAMETER, name, value)) {
                    return;
                }
            }
        }
    }

    private static void cookies(ServletMethods m, Object request, AppInputs out) throws Exception {
        Object[] cookies = (Object[]) m.getCookies.invoke(request);
        if (cookies == null) {
            return;
        }
        for (Object c : cookies) {
            Method name = m.cookieName;
            if (c == null) {
                continue;
            }
            if (!out.add(AppInputs.COOKIE, (String) name.invoke(c), (String) m.cookieValue.invoke(c))) {
                return;
            }
        }
    }

    private static void headers(ServletMethods m, Object request, AppInputs out) throws Exception {
        Enumeration<?> names = (Enumeration<?>) m.getHeaderNames.invoke(request);
        if (names == null) {
            return;
        }
        while (names.hasMoreElements()) {
            String name = String.valueOf(names.nextElement());
            if (name.equalsIgnoreCase(CONTEXT_HEADER)) {
                continue;
            }
            Enumeration<?> values = (Enumeration<?>) m.getHeaders.invoke(request, name);
            boolean any = false;
            while (values != null && values.hasMoreElements()) {
                any = true;
                if (!out.add(AppInputs.HEADER, name, String.valueOf(values.nextElement()))) {
                    return;
                }
            }
            if (!any && !out.add(AppInputs.HEADER, name, "")) {
                return; // the name alone is an input: an app may iterate getHeaderNames()
            }
        }
    }
}
