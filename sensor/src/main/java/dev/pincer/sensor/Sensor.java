package dev.pincer.sensor;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.client.CorrelatorClient;
import dev.pincer.sensor.client.ReportCounters;
import dev.pincer.sensor.client.Timing;
import dev.pincer.sensor.config.ConfigLoader;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.context.ContextHeader;
import dev.pincer.sensor.internal.Decider;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.servlet.RequestContexts;

/**
 * A running sensor: its configuration, its correlator client and the dispatcher installed in
 * {@link Bridge}. {@link Agent} starts one at premain; tests and benchmarks start one in-process
 * with {@link #start(String, boolean)} and call the bridge's entry points directly.
 */
public final class Sensor {
    private final SensorConfig config;
    private final CorrelatorClient client;
    private final Decider decider;
    private final RequestContexts contexts;

    private Sensor(SensorConfig config, CorrelatorClient client, Decider decider, RequestContexts contexts) {
        this.config = config;
        this.client = client;
        this.decider = decider;
        this.contexts = contexts;
    }

    /**
     * Loads the configuration ({@code agentArgs}, then {@code pincer.*} system properties, then
     * {@code PINCER_*} environment), sets the log level, prints any configuration problem, creates
     * the client (connecting in the background when {@code connect}) and installs the dispatcher in
     * {@link Bridge}. Never blocks on the network.
     */
    public static Sensor start(String agentArgs, boolean connect) {
        ConfigLoader loaded = ConfigLoader.load(agentArgs);
        SensorConfig config = loaded.config();
        Log.setLevel(config.logLevel());
        for (String problem : loaded.problems()) {
            Log.error("config " + problem);
        }
        return start(config, connect, Timing.standard());
    }

    /** As {@link #start(String, boolean)}, from a ready configuration (tests shorten the clocks). */
    public static Sensor start(SensorConfig config, boolean connect, Timing timing) {
        ReportCounters counters = new ReportCounters();
        CorrelatorClient client = null;
        ContextHeader headers = null;
        if (config.token() == null) {
            Log.warn("token: not set (expected: the correlator's shared token, from a file via token_file=,"
                    + " pincer.token_file or PINCER_TOKEN_FILE, or via PINCER_TOKEN); context headers cannot be"
                    + " verified and no correlator connection is made");
        } else {
            headers = new ContextHeader(config.token());
            client = new CorrelatorClient(config, counters, timing);
        }
        Decider decider = new Decider(client, config.failMode(), counters);
        RequestContexts contexts = new RequestContexts(headers);
        Sensor sensor = new Sensor(config, client, decider, contexts);
        Bridge.dispatcher = new SensorDispatcher(decider, contexts);
        if (client != null && connect) {
            client.start();
        }
        return sensor;
    }

    /** Uninstalls the dispatcher (sinks then run unchecked) and stops the client. */
    public void stop() {
        Bridge.dispatcher = null;
        dev.pincer.sensor.deser.SerialFilterInstaller.deactivate();
        if (client != null) {
            client.stop();
        }
    }

    public SensorConfig config() {
        return config;
    }

    /** {@code null} without a token. */
    public CorrelatorClient client() {
        return client;
    }

    public ReportCounters counters() {
        return decider.counters();
    }

    public Decider decider() {
        return decider;
    }

    public RequestContexts contexts() {
        return contexts;
    }
}
