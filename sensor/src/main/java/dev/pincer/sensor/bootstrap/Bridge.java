package dev.pincer.sensor.bootstrap;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The static entry points that inlined advice calls, and the holder of the {@link Dispatcher}.
 *
 * <p>This class is on the bootstrap path, so advice inlined into any class (JDK classes included)
 * can call it. It decides the cheap part of every sink call itself, without allocating: is this
 * thread already inside a sink (the re-entry guard), does the request have a context, is the
 * sink's hint bit set. Only a call that may need a verdict reaches the dispatcher, in the agent's
 * own class loader.
 *
 * <p>Sink entry points return a guard token that the exit advice hands back to {@link #leave}:
 * non-zero when this call took the guard. Exec, deserialization and JNDI are always checked (they
 * ignore the hint), and are checked even inside another kind of sink: a JNDI lookup that
 * deserializes, an XPath extension function that starts a process (but a JNDI lookup inside an
 * LDAP search is part of that search). Every other kind is silent inside any sink, so one sink
 * calling another reports once.
 *
 * <p>Nothing here may throw into the application except {@link PincerBlockedException}.
 */
public final class Bridge {
    /** Hint bit 1: input could change SQL, LDAP or XPath syntax. */
    public static final int HINT_SYNTAX = 1;
    /** Hint bit 2: input could name a file. */
    public static final int HINT_PATH = 2;
    /** Hint bit 4: input could name a URL. */
    public static final int HINT_URL = 4;

    public static final int SQL = 1;
    public static final int EXEC = 2;
    public static final int FILE = 3;
    public static final int URL = 4;
    public static final int REDIRECT = 5;
    public static final int LDAP = 6;
    public static final int XPATH = 7;
    public static final int DESERIALIZE = 8;
    public static final int JNDI = 9;
    /**
     * Not a protocol kind: the guard bit of a socket connect, whose CHECK is of kind {@link #URL}.
     * Also taken by the sensor's own connection to the correlator, so it is never checked.
     */
    public static final int CONNECT = 10;

    /**
     * The sensor's one table of sink kinds (the spec's "Sink kinds" and "Hint bits"), indexed by
     * code: the kind's name, and the hint bit that enables its checks (0: checked whatever the
     * hint, and without a context). {@code Kinds} reads it; {@code SinkKindTableTest} checks it
     * against docs/sensor-protocol.md.
     */
    static final String[] NAMES = {"?", "sql", "exec", "file", "url", "redirect", "ldap", "xpath", "deserialize",
        "jndi"};
    static final int[] HINTS = {0, HINT_SYNTAX, 0, HINT_PATH, HINT_URL, HINT_URL, HINT_SYNTAX, HINT_SYNTAX, 0, 0};

    /** The name of a kind code ({@code sql}), or {@code null} for a code the table does not have. */
    public static String kindName(int kind) {
        return kind > 0 && kind < NAMES.length ? NAMES[kind] : null;
    }

    /** The hint bit that enables a kind's checks, 0 for the always-checked kinds, -1 for an unknown code. */
    public static int kindHint(int kind) {
        return kind > 0 && kind < HINTS.length ? HINTS[kind] : -1;
    }

    /** Installed by the agent at premain; {@code null} means every sink simply runs. */
    public static volatile Dispatcher dispatcher;

    // An anonymous subclass, not withInitial(lambda): a lambda's bootstrap can load classes, and
    // class loading can reach a hooked sink on this very path.
    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }
    };

    private Bridge() {
    }

    /** The current thread's state (created on first use). */
    public static ThreadState state() {
        return STATE.get();
    }

    // ---- request entry points (servlet advice) -------------------------------------------------

    /**
     * At every request entry point. Returns true at the outermost one, where the context header is
     * verified; nested calls (forward, include, filter chains) keep the outer context.
     */
    public static boolean requestEnter(String header, String host) {
        return requestEnter(header, host, null);
    }

    /**
     * As {@link #requestEnter(String, String)}, keeping the outermost servlet request object
     * ({@code request}, may be {@code null}) for the app's own view of the inputs. Nothing is read
     * from it here: that happens only if a sink of the request needs a verdict.
     */
    public static boolean requestEnter(String header, String host, Object request) {
        ThreadState st = STATE.get();
        if (st.depth++ > 0) {
            return false;
        }
        st.clearRequest();
        st.request = request;
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.requestStart(st, header, host);
            } catch (Throwable ignored) {
                st.ctx = null;
                st.hint = 0;
            }
        }
        return true;
    }

    /**
     * At every request exit, normal or not. At the outermost exit the request is forgotten, and if
     * one of its sinks was blocked the body of the 403 to send is returned; otherwise {@code null}.
     */
    public static String requestExit() {
        ThreadState st = STATE.get();
        if (st.depth > 1) {
            st.depth--;
            return null;
        }
        st.depth = 0;
        boolean blocked = st.blocked;
        String ctx = st.ctx;
        st.clearRequest();
        if (!blocked) {
            return null;
        }
        return "Blocked by Pincer (request " + (ctx == null ? "-" : ctx) + ")\n";
    }

    /**
     * Exit advice of the servlet request's {@code getParameter*} methods: the app has made the
     * container parse the parameters (the form body included), so the sensor may read the parameter
     * map without changing what the app sees. Costs a thread-local read and a field write.
     */
    public static void parametersRead() {
        ThreadState st = STATE.get();
        if (st.depth > 0) {
            st.parametersRead = true;
        }
    }

    /** True when {@code t} or one of its causes is a block. */
    public static boolean isBlock(Throwable t) {
        for (int i = 0; t != null && i < 32; i++, t = t.getCause()) {
            if (t instanceof PincerBlockedException) {
                return true;
            }
        }
        return false;
    }

    // ---- sink entry points ---------------------------------------------------------------------

    /** {@code Statement.execute*}/{@code addBatch}, {@code Connection.prepare*}. */
    public static int sql(String query, String method) {
        ThreadState st = STATE.get();
        int token = acquire(st, SQL);
        if (token == 0 || !wants(st, HINTS[SQL])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.sql(st, query, method);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code ProcessBuilder.start} with the inherited environment: always checked. */
    public static int exec(List<String> command, File directory) {
        return exec(command, directory, null);
    }

    /**
     * {@code ProcessBuilder.start}: always checked. {@code environment} is the builder's own map,
     * {@code null} when the child inherits the JVM's environment.
     */
    public static int exec(List<String> command, File directory, Map<String, String> environment) {
        ThreadState st = STATE.get();
        int token = acquire(st, EXEC);
        if (token == 0) {
            return 0;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.exec(st, command, directory, environment);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /**
     * Entry of {@code Runtime.exec(String, String[], File)}, which every {@code exec(String...)}
     * overload reaches: the process the call starts was split from {@code command}. Returns what
     * was noted before, for {@link #execStringDone}. Never throws.
     */
    public static String execString(String command) {
        ThreadState st = STATE.get();
        String previous = st.execCommand;
        st.execCommand = command;
        return previous;
    }

    /** Exit of {@code Runtime.exec(String, String[], File)}, normal or not. */
    public static void execStringDone(String previous) {
        STATE.get().execCommand = previous;
    }

    /** File modes (a {@code file} CHECK's {@code args[2]}): what the call does to the path. */
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String DELETE = "delete";
    public static final String LIST = "list";
    public static final String STAT = "stat";

    /** {@link #fileOpen(Object, String, String)} with mode {@code write} or {@code read}. */
    public static void fileOpen(Object file, boolean write, String api) {
        fileOpen(file, write ? WRITE : READ, api);
    }

    /**
     * File and zip constructors ({@code FileInputStream(File)}, {@code ZipFile(File, int, Charset)},
     * ...). Constructor advice cannot see the constructor fail, so the guard is held only while the
     * check runs.
     */
    public static void fileOpen(Object file, String mode, String api) {
        ThreadState st = STATE.get();
        if (st.guard != 0 || !wants(st, HINTS[FILE])) {
            return;
        }
        Dispatcher d = dispatcher;
        if (d == null) {
            return;
        }
        int token = 1 << FILE;
        st.guard = token;
        try {
            d.file(st, file, mode, api);
        } catch (Throwable t) {
            rethrowBlock(st, token, t);
        }
        st.guard = 0;
    }

    /**
     * Every other method that touches the file system by a path: {@code java.io.File}'s
     * ({@code exists}, {@code delete}, {@code listFiles}, {@code renameTo}, ...), the
     * {@code FileSystemProvider} methods all of {@code java.nio.file.Files} ends in, and
     * {@code Files.walk/find/walkFileTree}. {@code target} is the {@code File} or {@code Path} (or
     * {@code null}), {@code second} the method's second argument when it has one (open options, a
     * second path, or {@code null}), {@code method} the method's name, constant per call site; the
     * mode is worked out from it only when a verdict may be needed.
     */
    public static int fileCall(Object target, Object second, String method) {
        ThreadState st = STATE.get();
        int token = acquire(st, FILE);
        if (token == 0 || !wants(st, HINTS[FILE])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.fileCall(st, target, second, method);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code URL.openConnection}, {@code HttpClient.send/sendAsync}. */
    public static int url(Object target, String api) {
        ThreadState st = STATE.get();
        int token = acquire(st, URL);
        if (token == 0 || !wants(st, HINTS[URL])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.url(st, target, api);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /**
     * Enter advice of {@code HttpURLConnection.plainConnect}: notes on the thread which URL the
     * socket connects that follow are for (the connection's current URL, so a redirect's own).
     * Returns the URL noted before, for {@link #connectScopeEnd}. Without a context or URL hint it
     * only reads two fields.
     */
    public static String connectScope(Object connection) {
        ThreadState st = STATE.get();
        String previous = st.connectUrl;
        if (!wants(st, HINTS[URL]) || !(connection instanceof java.net.URLConnection)) {
            return previous;
        }
        try {
            java.net.URL u = ((java.net.URLConnection) connection).getURL();
            st.connectUrl = u == null ? null : u.toExternalForm();
        } catch (Throwable ignored) {
            st.connectUrl = null;
        }
        return previous;
    }

    /** Exit advice of {@code HttpURLConnection.plainConnect}: back to the URL noted before. */
    public static void connectScopeEnd(String previous) {
        STATE.get().connectUrl = previous;
    }

    /**
     * {@code Socket.connect}, {@code SocketChannel.connect}: the address actually connected to,
     * checked as kind {@link #URL} with the URL noted by {@link #connectScope} (if any). Silent
     * inside any sink but a URL one (a {@code HttpClient.send} whose executor runs on the caller's
     * thread connects inside it), inside another connect, and on the sensor's own threads (no
     * context, and the correlator connection holds the {@link #CONNECT} bit).
     */
    public static int connect(Object endpoint, String api) {
        ThreadState st = STATE.get();
        int guard = st.guard;
        if ((guard & ~(1 << URL)) != 0 || !wants(st, HINTS[URL])) {
            return 0;
        }
        int token = 1 << CONNECT;
        st.guard = guard | token;
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.connect(st, endpoint, api);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /**
     * Enter advice of {@code sun.net.www.http.HttpClient.writeRequests}, behind
     * {@code HttpURLConnection}: a request about to go out on a kept-alive connection taken from
     * the cache ({@code cached}) made no connect of its own, so the address that connection is
     * connected to is checked here, as a connect of {@code url}. Otherwise (a fresh connection,
     * checked at its connect) it returns at once, allocating nothing.
     */
    public static void reusedConnection(boolean cached, Object url, Object socket) {
        if (!cached) {
            return;
        }
        ThreadState st = STATE.get();
        int guard = st.guard;
        Dispatcher d = dispatcher;
        if ((guard & ~(1 << URL)) != 0 || !wants(st, HINTS[URL]) || d == null
                || !(socket instanceof java.net.Socket) || !(url instanceof java.net.URL)) {
            return;
        }
        String previous = st.connectUrl;
        st.guard = guard | (1 << CONNECT);
        try {
            st.connectUrl = ((java.net.URL) url).toExternalForm();
            d.connect(st, ((java.net.Socket) socket).getRemoteSocketAddress(), "HttpURLConnection.reuse");
        } catch (PincerBlockedException e) {
            st.connectUrl = previous;
            st.guard = guard;
            throw e;
        } catch (Throwable ignored) {
            // the sensor's own failure: the request goes out unchecked
        }
        st.connectUrl = previous;
        st.guard = guard;
    }

    /**
     * Exit advice of the {@code java.net.http} client's per-request {@code MultiExchange}
     * constructor, on the thread that called {@code send}: remembers the request's context for the
     * client's own threads, which run the exchange and make its connects. Without a context or URL
     * hint it only reads two fields.
     */
    public static void exchangeCreated(Object exchange) {
        ThreadState st = STATE.get();
        if (!wants(st, HINTS[URL])) {
            return;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.exchangeCreated(st, exchange);
            } catch (Throwable ignored) {
                // the exchange's connects go unattributed; its URL was judged at send
            }
        }
    }

    /**
     * Enter advice of {@code MultiExchange.responseAsyncImpl} (each attempt and redirect, usually on
     * a client thread): takes on the context remembered for {@code exchange}, with
     * {@code request}'s URI as the URL in progress, until {@link #exchangeLeave}; a thread that
     * serves a request of its own keeps its context and only notes the URI. Returns what to
     * restore, or {@code null} when nothing was taken on.
     */
    public static Object exchangeEnter(Object exchange, Object request) {
        Dispatcher d = dispatcher;
        if (d == null) {
            return null;
        }
        ThreadState st = STATE.get();
        try {
            return d.exchangeEnter(st, exchange, request);
        } catch (Throwable ignored) {
            return null;
        }
    }

    /** Exit advice of {@code MultiExchange.responseAsyncImpl}: back to the thread's own state. */
    public static void exchangeLeave(Object saved) {
        Dispatcher d = dispatcher;
        if (saved != null && d != null) {
            try {
                d.exchangeLeave(STATE.get(), saved);
            } catch (Throwable ignored) {
                // nothing to undo that could be undone
            }
        }
    }

    /** {@code HttpServletResponse.sendRedirect}. */
    public static int redirect(String location) {
        ThreadState st = STATE.get();
        int token = acquire(st, REDIRECT);
        if (token == 0 || !wants(st, HINTS[REDIRECT])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.redirect(st, location);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code HttpServletResponse.setHeader/addHeader}: only a {@code Location} header is a redirect. */
    public static int header(String name, String value) {
        if (name == null || !"Location".equalsIgnoreCase(name)) {
            return 0;
        }
        return redirect(value);
    }

    /** {@code DirContext.search(name, filter, ...)}. */
    public static int ldap(Object name, String filter) {
        ThreadState st = STATE.get();
        int token = acquire(st, LDAP);
        if (token == 0 || !wants(st, HINTS[LDAP])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.ldap(st, name, filter);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code XPath.compile/evaluate}. */
    public static int xpath(String expression) {
        ThreadState st = STATE.get();
        int token = acquire(st, XPATH);
        if (token == 0 || !wants(st, HINTS[XPATH])) {
            return token;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.xpath(st, expression);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code ObjectInputStream.resolveClass}: always checked. */
    public static int deserialize(Object descriptor) {
        ThreadState st = STATE.get();
        int token = acquire(st, DESERIALIZE);
        if (token == 0) {
            return 0;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.deserialize(st, descriptor);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** {@code InitialContext.lookup/doLookup}: always checked. */
    public static int jndi(Object name) {
        ThreadState st = STATE.get();
        int token = acquire(st, JNDI);
        if (token == 0) {
            return 0;
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            try {
                d.jndi(st, name);
            } catch (Throwable t) {
                rethrowBlock(st, token, t);
            }
        }
        return token;
    }

    /** Exit advice of every sink method: releases what the entry point took. */
    public static void leave(int token) {
        if (token != 0) {
            STATE.get().guard &= ~token;
        }
    }

    // ---- internals -----------------------------------------------------------------------------

    private static boolean alwaysChecked(int kind) {
        return kind == EXEC || kind == DESERIALIZE || kind == JNDI;
    }

    /** Takes the guard for {@code kind}; returns its bit, or 0 when this call must stay silent. */
    private static int acquire(ThreadState st, int kind) {
        int bit = 1 << kind;
        int guard = st.guard;
        if (guard != 0 && (!alwaysChecked(kind) || (guard & bit) != 0
                || (kind == JNDI && (guard & (1 << LDAP)) != 0))) {
            return 0;
        }
        st.guard = guard | bit;
        return bit;
    }

    private static boolean wants(ThreadState st, int family) {
        return st.ctx != null && (st.hint & family) != 0;
    }

    private static void rethrowBlock(ThreadState st, int token, Throwable t) {
        if (t instanceof PincerBlockedException) {
            // The exit advice does not run when the entry advice throws: release the guard here.
            st.guard &= ~token;
            throw (PincerBlockedException) t;
        }
        // Anything else is the sensor's own failure; the dispatcher logs it. The sink runs.
    }
}
