package dev.pincer.sensor.deser;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.PincerBlockedException;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.internal.Decider;
import dev.pincer.sensor.log.Log;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;

/**
 * The judgement behind the process-wide {@code java.io.ObjectInputFilter} (Java 9+; see
 * {@link SerialFilterInstaller}): every class a stream is about to instantiate (array types,
 * proxy interfaces and {@code readResolve} results included, whatever the stream's
 * {@code resolveClass} does) goes to the correlator as a {@code deserialize} check, like the
 * {@code resolveClass} hook's. A refused class answers {@code REJECTED} (the stream throws
 * {@code InvalidClassException}); otherwise the filter the app or {@code jdk.serialFilter} had put
 * in place decides ({@link Chained}), and without one {@code UNDECIDED}: this filter never
 * allows what another filter refuses.
 *
 * <p>Fast path: no class (the depth, reference and length checks), a primitive or primitive array,
 * a dynamic proxy class (its interfaces are judged one by one), a class this thread's
 * {@code resolveClass} hook has just judged, or a class whose allow the correlator made
 * process-wide ({@code cache=2}, remembered per class in a {@link ClassValue}, which does not pin
 * class loaders): no round trip, no allocation. The first two cost one reflective call.
 *
 * <p>Never throws into the app: a sensor failure is logged once and leaves the decision to the
 * other filter; the fail mode (correlator unreachable) is the {@link Decider}'s.
 */
public final class SerialFilter {
    private final Decider decider;
    private final Method serialClass;
    private final Object rejected;
    private final Object undecided;
    private final Method checkInput;
    private volatile boolean active = true;
    private volatile boolean reported;

    private final ClassValue<boolean[]> allowedForProcess = new ClassValue<boolean[]>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[1];
        }
    };

    /**
     * @param filterInterface {@code java.io.ObjectInputFilter}
     * @param decider         the sensor's decider
     */
    SerialFilter(Class<?> filterInterface, Decider decider) throws ReflectiveOperationException {
        this.decider = decider;
        Class<?> info = Class.forName("java.io.ObjectInputFilter$FilterInfo");
        this.serialClass = info.getMethod("serialClass");
        this.checkInput = filterInterface.getMethod("checkInput", info);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Enum> status = (Class<Enum>) Class.forName("java.io.ObjectInputFilter$Status");
        this.rejected = Enum.valueOf(status, "REJECTED");
        this.undecided = Enum.valueOf(status, "UNDECIDED");
    }

    /** After {@code Sensor.stop()}: every stream is left to the other filter alone. */
    void deactivate() {
        active = false;
    }

    /**
     * A new {@code ObjectInputFilter}: this judgement first, then {@code delegate} (may be null);
     * {@code delegate} itself when it already is one of ours (a stream given another stream's
     * filter), so no class is judged twice.
     */
    Object chain(Object delegate) {
        if (isOurs(delegate)) {
            return delegate;
        }
        Class<?> iface = checkInput.getDeclaringClass();
        return Proxy.newProxyInstance(SerialFilter.class.getClassLoader(), new Class<?>[] {iface},
                new Chained(delegate));
    }

    /** The filter behind {@code filter} when it is one of ours, else {@code filter} itself. */
    static Object unwrap(Object filter) {
        return isOurs(filter) ? ((Chained) Proxy.getInvocationHandler(filter)).delegate : filter;
    }

    private static boolean isOurs(Object filter) {
        return filter != null && Proxy.isProxyClass(filter.getClass())
                && Proxy.getInvocationHandler(filter) instanceof Chained;
    }

    /** True when this filter refuses what {@code filterInfo} describes. */
    boolean refuses(Object filterInfo) {
        if (!active) {
            return false;
        }
        Class<?> c;
        try {
            c = (Class<?>) serialClass.invoke(filterInfo);
        } catch (Throwable t) {
            internal(t);
            return false;
        }
        if (c == null || c.isPrimitive() || Proxy.isProxyClass(c)) {
            return false;
        }
        Class<?> element = c;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return false;
        }
        boolean[] known = allowedForProcess.get(c);
        if (known[0]) {
            return false;
        }
        return judge(c, known);
    }

    private boolean judge(Class<?> c, boolean[] known) {
        ThreadState st = Bridge.state();
        String name = c.getName();
        if (name.equals(st.deserJudged)) {
            // The resolveClass hook on this thread judged this very class a moment ago.
            st.deserJudged = null;
            return false;
        }
        int bit = 1 << Bridge.DESERIALIZE;
        if ((st.guard & bit) != 0) {
            return false; // inside a deserialize check on this thread: the sensor's own work
        }
        st.guard |= bit;
        try {
            List<String> args = Collections.singletonList(name);
            List<String> attrs = Collections.<String>emptyList();
            decider.decide(st, Bridge.DESERIALIZE, args, attrs);
            if (decider.allowedForProcess(Bridge.DESERIALIZE, args, attrs)) {
                known[0] = true;
            }
            return false;
        } catch (PincerBlockedException e) {
            return true;
        } catch (Throwable t) {
            internal(t);
            return false;
        } finally {
            st.guard &= ~bit;
        }
    }

    private void internal(Throwable t) {
        int level = reported ? Log.DEBUG : Log.WARN;
        reported = true;
        Log.log(level, "sensor error in the deserialization filter (the class is left to the other filters): " + t);
    }

    /** One stream's filter: {@link SerialFilter} first, then the filter it was put in front of. */
    final class Chained implements InvocationHandler {
        final Object delegate;

        Chained(Object delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String n = method.getName();
            if (n.equals("checkInput") && args != null && args.length == 1) {
                if (refuses(args[0])) {
                    return rejected;
                }
                if (delegate == null) {
                    return undecided;
                }
                return call(checkInput, args);
            }
            if (n.equals("toString") && args == null) {
                return "pincer deserialization filter" + (delegate == null ? "" : ", then " + delegate);
            }
            if (n.equals("hashCode") && args == null) {
                return System.identityHashCode(proxy);
            }
            if (n.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (delegate != null) {
                return call(method, args);
            }
            throw new UnsupportedOperationException(n);
        }

        /** The app's own filter, its exceptions passed on as they would be without us. */
        private Object call(Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
