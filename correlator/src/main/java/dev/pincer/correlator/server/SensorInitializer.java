package dev.pincer.correlator.server;

import dev.pincer.correlator.protocol.FrameDecoder;
import dev.pincer.correlator.protocol.FrameEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds a sensor connection's pipeline, and nothing else:
 * {@code IdleStateHandler (reader idle) -> FrameDecoder -> FrameEncoder -> SensorHandler}, with
 * the settings current when the connection was accepted.
 */
final class SensorInitializer extends ChannelInitializer<Channel> {
    private final Supplier<SensorSettings> settings;
    private final Sensors sensors;
    private final Judge judge;
    private final Analysis analysis;
    private final Outcomes outcomes;

    SensorInitializer(Supplier<SensorSettings> settings, Sensors sensors, Judge judge, Analysis analysis) {
        this.settings = settings;
        this.sensors = sensors;
        this.judge = judge;
        this.analysis = analysis;
        this.outcomes = new Outcomes(judge.metrics());
    }

    @Override
    protected void initChannel(Channel ch) {
        SensorSettings s = settings.get();
        ch.pipeline().addLast("idle", new IdleStateHandler(s.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        ch.pipeline().addLast("decoder", new FrameDecoder(s.maxFrame()));
        ch.pipeline().addLast("encoder", FrameEncoder.INSTANCE);
        ch.pipeline().addLast("sensor", new SensorHandler(s, sensors, judge, analysis, outcomes));
    }
}
