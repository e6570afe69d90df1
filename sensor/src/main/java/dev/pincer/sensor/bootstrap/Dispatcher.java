package dev.pincer.sensor.bootstrap;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * What {@link Bridge} calls once it has decided a sink call may need a verdict. Implemented in the
 * agent's own class loader; every parameter is a JDK type, so the bootstrap side never sees it.
 *
 * <p>Each method either returns (the sink may run) or throws {@link PincerBlockedException}. Any
 * other throwable is a sensor bug, and the bridge swallows it.
 */
public interface Dispatcher {
    /** Verifies the context header (may be {@code null}) and fills {@code st} at request entry. */
    void requestStart(ThreadState st, String header, String host);

    void sql(ThreadState st, String query, String method);

    /**
     * {@code environment} is the builder's environment map, or {@code null} when the child inherits
     * the JVM's (nobody called {@code environment()} or passed an {@code envp}).
     */
    void exec(ThreadState st, List<String> command, File directory, Map<String, String> environment);

    /**
     * A file constructor: {@code target} is a {@link File}, a {@link String} or a
     * {@code java.nio.file.Path}; {@code mode} one of {@link Bridge#READ}, {@link Bridge#WRITE},
     * {@link Bridge#DELETE}, {@link Bridge#LIST}, {@link Bridge#STAT}.
     */
    void file(ThreadState st, Object target, String mode, String api);

    /** Any other file method, named {@code method}: see {@link Bridge#fileCall}. */
    void fileCall(ThreadState st, Object target, Object second, String method);

    /** {@code target} is a {@code java.net.URL} or a {@code java.net.http.HttpRequest}. */
    void url(ThreadState st, Object target, String api);

    /**
     * A socket connect: {@code endpoint} is the {@code SocketAddress} passed to
     * {@code Socket.connect} or {@code SocketChannel.connect}; {@code st.connectUrl} the URL it is
     * for, or {@code null}.
     */
    void connect(ThreadState st, Object endpoint, String api);

    /** {@code exchange} (a {@code java.net.http} {@code MultiExchange}) was created under {@code st}'s context. */
    void exchangeCreated(ThreadState st, Object exchange);

    /**
     * Puts the context remembered for {@code exchange} on {@code st} (a client thread), with
     * {@code request}'s URI as the URL in progress; returns what to restore, or {@code null}.
     */
    Object exchangeEnter(ThreadState st, Object exchange, Object request);

    /** Restores what {@link #exchangeEnter} returned. */
    void exchangeLeave(ThreadState st, Object saved);

    void redirect(ThreadState st, String location);

    void ldap(ThreadState st, Object name, String filter);

    void xpath(ThreadState st, String expression);

    /** {@code descriptor} is the {@code java.io.ObjectStreamClass} being resolved. */
    void deserialize(ThreadState st, Object descriptor);

    void jndi(ThreadState st, Object name);
}
