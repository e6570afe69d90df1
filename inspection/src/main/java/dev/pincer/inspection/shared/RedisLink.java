package dev.pincer.inspection.shared;

import dev.pincer.config.RedisConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The connection several instances share bans and counters through. It never makes a request wait:
 * it connects and reconnects in the background, every command from a request path is async with
 * the configured timeout, and while Redis is unreachable each operation is refused at once (the
 * caller decides on local state) and counted in {@code pincer_redis_fallback_total}. Each change
 * between reachable and unreachable is logged once ({@link LinkState}). Owned by the server, across
 * reloads; closed at shutdown after the stores that use it.
 *
 * <p>Example: {@code RedisLink.open(config.protection().redis(), metrics)}; null config: no link.
 */
public final class RedisLink implements AutoCloseable {
    /** INCR and, on the window's first request, PEXPIRE, atomically: a key never outlives its window. */
    private static final String INCR = "local c = redis.call('INCR', KEYS[1]) "
            + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";
    /** Past this many queued commands a command fails at once instead of taking memory. */
    private static final int QUEUE = 10_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    /**
     * How often a link that is up reloads the stored bans and stores what it made while away. Pub/sub
     * carries a ban to every instance within a second; this is the net under it, for a message sent
     * while another instance's subscription was being re-established after a reconnect.
     */
    public static final Duration REFRESH = Duration.ofSeconds(15);

    private final RedisConfig config;
    private final LimitMetrics metrics;
    private final LinkState state = new LinkState();
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService background;
    private volatile StatefulRedisConnection<String, String> conn;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile Consumer<String> banMessages = m -> { };
    private volatile Consumer<RedisLink> resync = l -> { };
    private volatile boolean closed;

    private RedisLink(RedisConfig config, LimitMetrics metrics, String password) {
        this.config = config;
        this.metrics = metrics;
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        RedisURI.Builder uri = RedisURI.builder().withHost(config.address().host()).withPort(config.address().port())
                .withDatabase(config.database()).withTimeout(config.timeout());
        if (password != null) {
            uri.withPassword(password.toCharArray());
        }
        this.client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(QUEUE).timeoutOptions(TimeoutOptions.enabled(config.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(RETRY).build()).build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (conn != null && !closed) {
                    background.execute(RedisLink.this::resync);
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                state.down("connection lost");
            }
        });
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pincer-redis");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts connecting in the background and returns at once (unreachable until connected).
     *
     * @throws IllegalStateException when {@code password_env} names an unset variable
     */
    public static RedisLink open(RedisConfig config, LimitMetrics metrics) {
        Objects.requireNonNull(config, "config");
        String password = null;
        if (config.passwordEnv() != null) {
            password = System.getenv(config.passwordEnv());
            if (password == null) {
                throw new IllegalStateException("protection.redis.password_env: " + config.passwordEnv()
                        + " is not set in the environment");
            }
        }
        RedisLink link = new RedisLink(config, metrics, password);
        link.background.execute(link::connect);
        link.background.scheduleWithFixedDelay(link::probe, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        link.background.scheduleWithFixedDelay(link::refresh, REFRESH.toMillis(), REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        return link;
    }

    /**
     * Ban messages published by any instance (this one too) go to {@code messages}; after each
     * (re)connect {@code resync} runs on the background thread, to reload and republish bans.
     */
    public void onBans(Consumer<String> messages, Consumer<RedisLink> resync) {
        this.banMessages = Objects.requireNonNull(messages, "messages");
        this.resync = Objects.requireNonNull(resync, "resync");
        if (conn != null) {
            background.execute(this::resync);
        }
    }

    public boolean up() {
        return state.up();
    }

    public String prefix() {
        return config.prefix();
    }

    /**
     * Counts one request in a shared window counter; the stage completes with the count including
     * it. Null when Redis is unreachable: the caller goes on alone (counted as a fallback).
     */
    public CompletionStage<Long> increment(String key, long ttlMillis) {
        StatefulRedisConnection<String, String> c = conn;
        if (c == null || !state.up()) {
            metrics.redisFallback();
            return null;
        }
        CompletionStage<Long> f = c.async().<Long>eval(INCR, ScriptOutputType.INTEGER, new String[] {config.prefix() + key},
                Long.toString(ttlMillis));
        f.whenComplete((v, e) -> outcome(e));
        return f;
    }

    /**
     * Stores a ban under {@code prefix ban:<ip>} for {@code ttlMillis} and tells every instance;
     * false when Redis is unreachable (the caller keeps it to send after the reconnect).
     * {@code stored} runs once Redis confirmed the store, and only then: a command sent just as
     * the link was coming back may still fail, and the caller must keep the ban until it is stored.
     */
    public boolean publishBan(String ip, String value, long ttlMillis, String message, Runnable stored) {
        StatefulRedisConnection<String, String> c = conn;
        if (c == null || !state.up()) {
            metrics.redisFallback();
            return false;
        }
        c.async().set(config.prefix() + "ban:" + ip, value, SetArgs.Builder.px(Math.max(1, ttlMillis)))
                .whenComplete((v, e) -> {
                    outcome(e);
                    if (e == null) {
                        stored.run();
                    }
                });
        c.async().publish(config.prefix() + "bans", message).whenComplete((v, e) -> outcome(e));
        return true;
    }

    /** Removes a ban everywhere. */
    public void publishLift(String ip, String message) {
        StatefulRedisConnection<String, String> c = conn;
        if (c == null || !state.up()) {
            metrics.redisFallback();
            return;
        }
        c.async().del(config.prefix() + "ban:" + ip).whenComplete((v, e) -> outcome(e));
        c.async().publish(config.prefix() + "bans", message).whenComplete((v, e) -> outcome(e));
    }

    /** Every stored ban, at most {@code max}: ip to value. Blocking; only on the background thread. */
    public Map<String, String> storedBans(int max) {
        StatefulRedisConnection<String, String> c = conn;
        return c == null ? Map.of() : StoredBans.read(c.sync(), config.prefix() + "ban:", max);
    }

    private void outcome(Throwable e) {
        if (e == null) {
            state.up("command answered");
        } else {
            metrics.redisFallback();
            state.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> ps = client.connectPubSub();
            ps.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    banMessages.accept(message);
                }
            });
            ps.sync().subscribe(config.prefix() + "bans");
            pubsub = ps;
            conn = client.connect();
            resync();
        } catch (RuntimeException e) {
            state.down("cannot connect to " + config.address() + ": " + e.getMessage());
            StatefulRedisPubSubConnection<String, String> ps = pubsub;
            pubsub = null;
            if (ps != null) {
                ps.closeAsync();
            }
            if (!closed) {
                background.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** While unreachable but connected (commands timed out), a PING a second finds when it is back. */
    private void probe() {
        StatefulRedisConnection<String, String> c = conn;
        if (c == null || state.up()) {
            return;
        }
        try {
            c.sync().ping();
            resync();
        } catch (RuntimeException e) {
            // still unreachable; said once when it went
        }
    }

    /** Every {@link #REFRESH} while up: the same resynchronization a reconnect does. */
    private void refresh() {
        if (!closed && conn != null && state.up()) {
            resync();
        }
    }

    private void resync() {
        try {
            state.up("connected, resynchronizing bans");
            resync.accept(this);
        } catch (RuntimeException e) {
            state.down("resync failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        try {
            // a connect under way ends within its timeout; the client must outlive it
            background.awaitTermination(RETRY.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StatefulRedisPubSubConnection<String, String> ps = pubsub;
        StatefulRedisConnection<String, String> c = conn;
        if (ps != null) {
            ps.close();
        }
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
