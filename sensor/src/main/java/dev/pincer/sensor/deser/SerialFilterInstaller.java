package dev.pincer.sensor.deser;

import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.internal.Decider;
import dev.pincer.sensor.log.Log;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.BinaryOperator;

/**
 * Installs {@link SerialFilter} as a process-wide deserialization filter, by reflection (the
 * sensor is Java 8 bytecode), so that streams that never reach {@code ObjectInputStream.resolveClass}
 * (a subclass overriding it without calling {@code super}, RMI's own streams)
 * are judged too. It never replaces a filter the app or {@code jdk.serialFilter} set: it goes in
 * front of it.
 *
 * <ul>
 *   <li><b>Java 17+</b>: a filter factory ({@code ObjectInputFilter.Config.setSerialFilterFactory})
 *       wrapping the one in effect: every stream's filter, the JVM-wide one at construction and any
 *       a stream sets later ({@code setObjectInputFilter}), becomes ours followed by what the
 *       previous factory returned. The JVM-wide filter stays the app's to set.</li>
 *   <li><b>Java 9-16</b> (no factory): with {@code deser_filter=on} only, and only when no JVM-wide
 *       filter is set, ours becomes the JVM-wide filter (those JVMs let it be set once, so an app
 *       that sets its own later would get an {@code IllegalStateException}: hence not by default).</li>
 *   <li><b>Java 8</b>: there is no filter API; the {@code resolveClass} hook alone judges.</li>
 * </ul>
 * Whatever fails is one log line; the app runs on.
 */
public final class SerialFilterInstaller {
    private static SerialFilter installed;

    private SerialFilterInstaller() {
    }

    /** What {@link #install} did, for the start-up line and the tests. */
    public static String install(SensorConfig.DeserFilter mode, Decider decider) {
        try {
            return doInstall(mode, decider);
        } catch (Throwable t) {
            String why = "deserialization filter not installed (the resolveClass hook still judges): " + t;
            Log.warn(why);
            return why;
        }
    }

    /** Leaves every stream to the filters the app set (a running JVM cannot take a factory back). */
    public static synchronized void deactivate() {
        if (installed != null) {
            installed.deactivate();
        }
    }

    private static synchronized String doInstall(SensorConfig.DeserFilter mode, Decider decider)
            throws ReflectiveOperationException {
        if (mode == SensorConfig.DeserFilter.OFF) {
            return log(Log.DEBUG, "deserialization filter off (deser_filter=off)");
        }
        if (installed != null) {
            return log(Log.DEBUG, "deserialization filter already installed");
        }
        Class<?> iface;
        try {
            iface = Class.forName("java.io.ObjectInputFilter");
        } catch (ClassNotFoundException e) {
            return log(Log.DEBUG, "deserialization filter: Java 8 has no filter API; the resolveClass hook judges");
        }
        Class<?> config = Class.forName("java.io.ObjectInputFilter$Config");
        SerialFilter filter = new SerialFilter(iface, decider);
        Method setFactory = method(config, "setSerialFilterFactory", BinaryOperator.class);
        if (setFactory != null) {
            Object previous = config.getMethod("getSerialFilterFactory").invoke(null);
            try {
                setFactory.invoke(null, new ChainingFactory(filter, previous));
            } catch (InvocationTargetException e) {
                return log(Log.WARN, "deserialization filter not installed: the JVM refused a filter factory ("
                        + e.getCause() + "; jdk.serialFilterFactory set, or a stream was read before the agent"
                        + " started); the resolveClass hook still judges");
            }
            installed = filter;
            return log(Log.DEBUG, "deserialization filter installed as a filter factory in front of "
                    + previous.getClass().getName());
        }
        if (mode != SensorConfig.DeserFilter.ON) {
            return log(Log.DEBUG, "deserialization filter: this JVM has no filter factory; set deser_filter=on to"
                    + " install a JVM-wide filter (only if the app never sets its own)");
        }
        Object existing;
        try {
            existing = config.getMethod("getSerialFilter").invoke(null);
        } catch (InvocationTargetException e) {
            return log(Log.WARN, "deserialization filter not installed: " + e.getCause());
        }
        if (existing != null) {
            return log(Log.WARN, "deserialization filter not installed: a JVM-wide filter is already set ("
                    + existing + ") and this JVM has no filter factory to chain it; the resolveClass hook still judges");
        }
        config.getMethod("setSerialFilter", iface).invoke(null, filter.chain(null));
        installed = filter;
        return log(Log.DEBUG, "deserialization filter installed as the JVM-wide filter");
    }

    private static Method method(Class<?> c, String name, Class<?>... params) {
        try {
            return c.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String log(int level, String line) {
        Log.log(level, line);
        return line;
    }

    /**
     * The filter factory: what the previous factory would give the stream, with ours in front.
     * Never returns null (a stream may not lose its filter), and the previous factory sees the
     * filters it produced, never ours.
     */
    static final class ChainingFactory implements BinaryOperator<Object> {
        private final SerialFilter filter;
        private final BinaryOperator<Object> previous;

        @SuppressWarnings("unchecked")
        ChainingFactory(SerialFilter filter, Object previous) {
            this.filter = filter;
            this.previous = (BinaryOperator<Object>) previous;
        }

        @Override
        public Object apply(Object current, Object requested) {
            Object next = previous.apply(SerialFilter.unwrap(current), requested);
            return filter.chain(next);
        }

        @Override
        public String toString() {
            return "pincer deserialization filter factory, in front of " + previous;
        }
    }
}
