package dev.pincer.sensor.bootstrap;

import java.io.File;
import java.util.List;

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

    void exec(ThreadState st, List<String> command, File directory);

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

    void redirect(ThreadState st, String location);

    void ldap(ThreadState st, Object name, String filter);

    void xpath(ThreadState st, String expression);

    /** {@code descriptor} is the {@code java.io.ObjectStreamClass} being resolved. */
    void deserialize(ThreadState st, Object descriptor);

    void jndi(ThreadState st, Object name);
}
