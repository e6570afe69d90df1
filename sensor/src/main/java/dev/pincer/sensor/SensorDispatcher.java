package dev.pincer.sensor;

import dev.pincer.sensor.bootstrap.Dispatcher;
import dev.pincer.sensor.bootstrap.PincerBlockedException;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.deser.DeserializeSink;
import dev.pincer.sensor.file.FileSink;
import dev.pincer.sensor.internal.Decider;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.jdbc.SqlSink;
import dev.pincer.sensor.jndi.JndiSink;
import dev.pincer.sensor.ldap.LdapSink;
import dev.pincer.sensor.net.ConnectSink;
import dev.pincer.sensor.net.HttpClientContexts;
import dev.pincer.sensor.net.UrlSink;
import dev.pincer.sensor.process.ExecSink;
import dev.pincer.sensor.redirect.RedirectSink;
import dev.pincer.sensor.servlet.RequestContexts;
import dev.pincer.sensor.xpath.XPathSink;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The agent-side {@link Dispatcher}: routes each sink call to its package's helper, which builds
 * the CHECK's args and attrs and hands them to the {@link Decider}.
 *
 * <p>Every method lets only {@link PincerBlockedException} out; anything else is a sensor bug,
 * logged (at most once per sink kind, then at debug) and swallowed, and the sink runs.
 */
final class SensorDispatcher implements Dispatcher {
    private final Decider decider;
    private final RequestContexts contexts;
    private final boolean[] reported = new boolean[16];
    private final HttpClientContexts exchanges = new HttpClientContexts();

    SensorDispatcher(Decider decider, RequestContexts contexts) {
        this.decider = decider;
        this.contexts = contexts;
    }

    private void internal(int kind, Throwable t) {
        if (t instanceof PincerBlockedException) {
            throw (PincerBlockedException) t;
        }
        int level = reported[kind] ? Log.DEBUG : Log.WARN;
        reported[kind] = true;
        Log.log(level, "sensor error in the " + dev.pincer.sensor.internal.Kinds.name(kind)
                + " hook (the call proceeds unchecked): " + t);
    }

    @Override
    public void requestStart(ThreadState st, String header, String host) {
        try {
            contexts.start(st, header, host);
        } catch (Throwable t) {
            st.ctx = null;
            st.hint = 0;
            internal(0, t);
        }
    }

    @Override
    public void sql(ThreadState st, String query, String method) {
        try {
            SqlSink.check(decider, st, query, method);
        } catch (Throwable t) {
            internal(1, t);
        }
    }

    @Override
    public void exec(ThreadState st, List<String> command, File directory, Map<String, String> environment) {
        try {
            ExecSink.check(decider, st, command, directory, environment);
        } catch (Throwable t) {
            internal(2, t);
        }
    }

    @Override
    public void file(ThreadState st, Object target, String mode, String api) {
        try {
            FileSink.open(decider, st, target, mode, api);
        } catch (Throwable t) {
            internal(3, t);
        }
    }

    @Override
    public void fileCall(ThreadState st, Object target, Object second, String method) {
        try {
            FileSink.call(decider, st, target, second, method);
        } catch (Throwable t) {
            internal(3, t);
        }
    }

    @Override
    public void url(ThreadState st, Object target, String api) {
        try {
            UrlSink.check(decider, st, target, api);
        } catch (Throwable t) {
            internal(4, t);
        }
    }

    @Override
    public void connect(ThreadState st, Object endpoint, String api) {
        try {
            ConnectSink.check(decider, st, endpoint, api);
        } catch (Throwable t) {
            internal(4, t);
        }
    }

    @Override
    public void exchangeCreated(ThreadState st, Object exchange) {
        try {
            exchanges.created(st, exchange);
        } catch (Throwable t) {
            internal(4, t);
        }
    }

    @Override
    public Object exchangeEnter(ThreadState st, Object exchange, Object request) {
        try {
            return exchanges.enter(st, exchange, request);
        } catch (Throwable t) {
            internal(4, t);
            return null;
        }
    }

    @Override
    public void exchangeLeave(ThreadState st, Object saved) {
        try {
            exchanges.leave(st, saved);
        } catch (Throwable t) {
            internal(4, t);
        }
    }

    @Override
    public void redirect(ThreadState st, String location) {
        try {
            RedirectSink.check(decider, st, location);
        } catch (Throwable t) {
            internal(5, t);
        }
    }

    @Override
    public void ldap(ThreadState st, Object name, String filter) {
        try {
            LdapSink.check(decider, st, name, filter);
        } catch (Throwable t) {
            internal(6, t);
        }
    }

    @Override
    public void xpath(ThreadState st, String expression) {
        try {
            XPathSink.check(decider, st, expression);
        } catch (Throwable t) {
            internal(7, t);
        }
    }

    @Override
    public void deserialize(ThreadState st, Object descriptor) {
        try {
            DeserializeSink.check(decider, st, descriptor);
        } catch (Throwable t) {
            internal(8, t);
        }
    }

    @Override
    public void jndi(ThreadState st, Object name) {
        try {
            JndiSink.check(decider, st, name);
        } catch (Throwable t) {
            internal(9, t);
        }
    }
}
