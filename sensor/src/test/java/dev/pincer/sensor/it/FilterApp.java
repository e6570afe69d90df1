package dev.pincer.sensor.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteObjectInvocationHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;

/**
 * The app {@link DeserFilterIT} runs under the agent: it deserializes through streams that never
 * reach {@code ObjectInputStream.resolveClass} ({@link NoSuper}), through plain ones, through one
 * that sets its own filter, and the JDK-only JRMP chain (a {@code Registry} proxy whose
 * {@code RemoteObjectInvocationHandler} holds a {@code UnicastRef} to a local trap port, built with
 * public API only, exactly ysoserial's JRMPClient), and reports outcomes and facts ({@link Out}).
 *
 * <p>Arguments: {@code <scenario>}: {@code on} (a correlator is up), {@code off} (the same streams
 * with {@code deser_filter=off}: proves the chain really connects), {@code down} (no correlator).
 */
public final class FilterApp {
    private FilterApp() {
    }

    /** Refused by {@code -Djdk.serialFilter} in the test, allowed by the test correlator. */
    public static final class AppRefused implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Refused by the test correlator; its readObject leaves a trace when it runs. */
    public static final class EvilGadgetTwo implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger RAN = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            RAN.incrementAndGet();
        }
    }

    /**
     * The app's own filter factory ({@code -Djdk.serialFilterFactory}): refuses {@link AppRefused}
     * in every stream. With it set, the JVM takes no second factory, so the sensor's filter is not
     * installed and must say so without disturbing the app.
     */
    public static final class AppFactory implements java.util.function.BinaryOperator<ObjectInputFilter> {
        @Override
        public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter requested) {
            ObjectInputFilter next = requested != null ? requested : current;
            return info -> {
                if (info.serialClass() == AppRefused.class) {
                    return ObjectInputFilter.Status.REJECTED;
                }
                return next == null ? ObjectInputFilter.Status.UNDECIDED : next.checkInput(info);
            };
        }

        @Override
        public String toString() {
            return "the app's factory";
        }
    }

    /** A look-alike "safe" stream that resolves classes itself and never calls super.resolveClass. */
    static final class NoSuper extends ObjectInputStream {
        NoSuper(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
            String n = desc.getName();
            return switch (n) {
                case "int" -> int.class;
                case "long" -> long.class;
                case "boolean" -> boolean.class;
                default -> Class.forName(n, false, FilterApp.class.getClassLoader());
            };
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args[0]);
        } finally {
            System.out.println("DONE");
            System.out.flush();
            System.exit(0); // RMI's client threads would keep the JVM up
        }
    }

    private static void run(String scenario) throws Exception {
        if (!scenario.equals("down")) {
            awaitSensor();
        }
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket trap = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                while (!trap.isClosed()) {
                    try (Socket s = trap.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            byte[] jrmp = jrmpClient(trap.getLocalPort());
            byte[] stub = bytes(LocateRegistry.getRegistry("127.0.0.1", trap.getLocalPort()));

            Out.fact("factory", String.valueOf(ObjectInputFilter.Config.getSerialFilterFactory()).contains("pincer"));
            Out.fact("static", String.valueOf(ObjectInputFilter.Config.getSerialFilter()));
            Out.result(scenario + ".nosuper.list", () -> noSuper(bytes(new ArrayList<>(List.of("a", "b")))));
            Out.result(scenario + ".nosuper.gadget", () -> noSuper(bytes(new EvilGadgetTwo())));
            Out.fact(scenario + ".nosuper.gadget.ran", EvilGadgetTwo.RAN.get());
            Out.result(scenario + ".nosuper.jrmp", () -> noSuper(jrmp));
            Out.result(scenario + ".nosuper.stub", () -> noSuper(stub));
            Out.result(scenario + ".unshared.jrmp", () -> {
                try (ObjectInputStream in = new NoSuper(new ByteArrayInputStream(jrmp))) {
                    in.readUnshared();
                }
            });
            Out.result(scenario + ".plain.jrmp", () -> plain(jrmp));
            Thread.sleep(300); // DGC dirty calls are made from the reading thread; give the trap a moment
            Out.fact(scenario + ".trap.connections", connections.get());
            if (scenario.equals("appfactory")) {
                Out.result("appfactory.app.refuses", () -> noSuper(bytes(new AppRefused())));
                Out.fact("appfactory.factory", ObjectInputFilter.Config.getSerialFilterFactory());
            }
            if (!scenario.equals("on")) {
                return;
            }
            // Chaining: jdk.serialFilter (set by the test) still refuses AppRefused; a stream's own
            // filter still refuses Integer and cannot let a gadget in by allowing everything.
            Out.result("on.chain.static", () -> noSuper(bytes(new AppRefused())));
            Out.result("on.chain.stream", () -> withStreamFilter(bytes(Integer.valueOf(7)),
                    i -> i.serialClass() == Integer.class ? ObjectInputFilter.Status.REJECTED
                            : ObjectInputFilter.Status.UNDECIDED));
            Out.result("on.chain.streamAllowsAll", () -> withStreamFilter(bytes(new EvilGadgetTwo()),
                    i -> ObjectInputFilter.Status.ALLOWED));
            Out.result("on.chain.streamAllowsList", () -> withStreamFilter(bytes(new ArrayList<>(List.of("x"))),
                    i -> ObjectInputFilter.Status.ALLOWED));
            Out.fact("on.gadget.ran", EvilGadgetTwo.RAN.get());
            // The per-class cache: LinkedList (cache=2 from the test correlator) read 50 times through
            // streams the hook never sees; HashSet (cache=0) three times through plain streams, which
            // pass both the resolveClass hook and the filter.
            byte[] list = bytes(new LinkedList<>(List.of("x")));
            Out.result("on.cache.linkedlist", () -> {
                for (int i = 0; i < 50; i++) {
                    noSuper(list);
                }
            });
            byte[] set = bytes(new HashSet<>(List.of("y")));
            Out.result("on.cache.hashset", () -> {
                for (int i = 0; i < 3; i++) {
                    plain(set);
                }
            });
        }
    }

    /** ysoserial JRMPClient, from public API: Registry proxy, RemoteObjectInvocationHandler, UnicastRef. */
    static byte[] jrmpClient(int port) throws IOException {
        RemoteObject stub = (RemoteObject) LocateRegistry.getRegistry("127.0.0.1", port);
        Object proxy = Proxy.newProxyInstance(FilterApp.class.getClassLoader(), new Class<?>[] {Registry.class},
                new RemoteObjectInvocationHandler(stub.getRef()));
        return bytes(proxy);
    }

    static byte[] bytes(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    static Object noSuper(byte[] data) throws Exception {
        try (ObjectInputStream in = new NoSuper(new ByteArrayInputStream(data))) {
            return in.readObject();
        }
    }

    static Object plain(byte[] data) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        }
    }

    static Object withStreamFilter(byte[] data, ObjectInputFilter filter) throws Exception {
        try (ObjectInputStream in = new NoSuper(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    /** As SinkApp's: the sensor is connected once the probe lookup is blocked by a verdict. */
    private static void awaitSensor() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                new InitialContext().lookup("pincer-probe");
            } catch (RuntimeException e) {
                if (Out.outcome(e).equals("blocked") && e.getMessage().contains("verdict")) {
                    return;
                }
            } catch (Exception notYet) {
                // fail-open while connecting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the sensor never connected");
    }
}
