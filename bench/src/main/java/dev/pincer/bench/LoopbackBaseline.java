package dev.pincer.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The floor under {@link CorrelatorLoad}'s figures: a server with the correlator's threading
 * (its own group of two epoll loops, thread names included, so the CPU accounting matches) that
 * answers every CHECK with a fixed allow VERDICT without decoding it, and the handshake without
 * checking anything. What {@code --server=baseline} measures is loopback, the scheduler and the
 * client; the difference to {@code --server=correlator} is the correlator's own cost. Frames arrive
 * from a {@code LengthFieldBasedFrameDecoder} and are released here.
 */
final class LoopbackBaseline implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    LoopbackBaseline() throws InterruptedException {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        DefaultThreadFactory names = new DefaultThreadFactory("pincer-correlator", true);
        group = Epoll.isAvailable() ? new MultiThreadIoEventLoopGroup(threads, names, EpollIoHandler.newFactory())
                : new MultiThreadIoEventLoopGroup(threads, names, NioIoHandler.newFactory());
        channel = new ServerBootstrap().group(group)
                .channel(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), new Responder());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Responder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ByteBuf c = ctx.alloc().buffer(45);
            c.writeInt(41).writeByte(0x01).writeInt(0).writeShort(1).writeShort(1).writeZero(32);
            ctx.writeAndFlush(c);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf f = (ByteBuf) msg;
            try {
                int type = f.getUnsignedByte(f.readerIndex());
                int stream = f.getInt(f.readerIndex() + 1);
                ByteBuf out = ctx.alloc().ioBuffer(24);
                if (type == 0x02) {
                    out.writeInt(20).writeByte(0x03).writeInt(0).writeShort(1).writeInt(1 << 20).writeInt(65536)
                            .writeInt(50).writeByte(0);
                } else {
                    out.writeInt(15).writeByte(0x11).writeInt(stream).writeByte(0).writeByte(1).writeInt(0).writeInt(0);
                }
                ctx.write(out, ctx.voidPromise());
            } finally {
                f.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
