package dev.pincer.sensor.appview;

import java.lang.reflect.Method;

/**
 * The servlet API methods the app's own view needs, found by reflection on the request's own
 * {@code HttpServletRequest} interface (javax or jakarta, whichever the container has), so the
 * agent, which is compiled against neither at run time, can call them on any container's request
 * object, wrappers included, whatever the visibility of the implementing class. Looked up once per
 * request class ({@link #FOR_CLASS}). Example: Tomcat's {@code RequestFacade} resolves to
 * {@code jakarta.servlet.http.HttpServletRequest.getHeaderNames()} and its siblings.
 */
final class ServletMethods {
    static final ClassValue<ServletMethods> FOR_CLASS = new ClassValue<ServletMethods>() {
        @Override
        protected ServletMethods computeValue(Class<?> type) {
            return find(type);
        }
    };

    /** {@code null} members mean the class is no servlet request (then nothing is collected). */
    final Method getParameterMap;
    final Method getQueryString;
    final Method getHeaderNames;
    final Method getHeaders;
    final Method getCookies;
    final Method cookieName;
    final Method cookieValue;

    private ServletMethods(Class<?> api) throws ReflectiveOperationException {
        getParameterMap = api.getMethod("getParameterMap");
        getQueryString = api.getMethod("getQueryString");
        getHeaderNames = api.getMethod("getHeaderNames");
        getHeaders = api.getMethod("getHeaders", String.class);
        getCookies = api.getMethod("getCookies");
        Class<?> cookie = getCookies.getReturnType().getComponentType();
        cookieName = cookie.getMethod("getName");
        cookieValue = cookie.getMethod("getValue");
    }

    private static final ServletMethods NONE = new ServletMethods();

    private ServletMethods() {
        getParameterMap = null;
        getQueryString = null;
        getHeaderNames = null;
        getHeaders = null;
        getCookies = null;
        cookieName = null;
        cookieValue = null;
    }

    boolean usable() {
        return getParameterMap != null;
    }

    private static ServletMethods find(Class<?> type) {
        Class<?> api = api(type);
        if (api == null) {
            return NONE;
        }
        try {
            return new ServletMethods(api);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return NONE;
        }
    }

    /** The {@code HttpServletRequest} interface among {@code type}'s super types, or {@code null}. */
    private static Class<?> api(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Class<?> found = inInterfaces(c.getInterfaces());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Class<?> inInterfaces(Class<?>[] interfaces) {
        for (Class<?> i : interfaces) {
            String n = i.getName();
            if (n.equals("javax.servlet.http.HttpServletRequest") || n.equals("jakarta.servlet.http.HttpServletRequest")) {
                return i;
            }
            Class<?> deeper = inInterfaces(i.getInterfaces());
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
