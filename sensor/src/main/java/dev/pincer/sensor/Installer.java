package dev.pincer.sensor;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.deser.DeserializeHook;
import dev.pincer.sensor.deser.SerialFilterInstaller;
import dev.pincer.sensor.file.FileHook;
import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.internal.Own;
import dev.pincer.sensor.jdbc.JdbcHook;
import dev.pincer.sensor.jndi.JndiHook;
import dev.pincer.sensor.ldap.LdapHook;
import dev.pincer.sensor.net.NetHook;
import dev.pincer.sensor.process.ProcessHook;
import dev.pincer.sensor.redirect.RedirectHook;
import dev.pincer.sensor.servlet.ServletHook;
import dev.pincer.sensor.xpath.XPathHook;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Starts the sensor and installs every hook, retransforming the classes already loaded (most of
 * the JDK ones are, by premain).
 */
final class Installer {
    /** Every hook, in one explicit list. */
    static final Hook[] HOOKS = {
        new ServletHook(), new JdbcHook(), new ProcessHook(), new FileHook(), new NetHook(), new RedirectHook(),
        new LdapHook(), new XPathHook(), new DeserializeHook(), new JndiHook(),
    };

    private Installer() {
    }

    static void install(String args, Instrumentation inst) {
        long t0 = System.nanoTime();
        Sensor sensor = Sensor.start(args, true);
        Hooks hooks = new Hooks(Installer.class.getClassLoader());
        AtomicInteger transformed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();

        // No Nexus: advice is inlined and nothing needs a loaded-type initializer. Without this the
        // builder's default initialization strategy touches sun.misc.Unsafe, which Java 24+ warns
        // about on stderr. (Shading relocates the property name to our own namespace.)
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // Classes loaded while the others are retransformed (our own work loads some) are
                // found by a second pass instead of slipping through.
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new Listener(transformed, failed))
                // JDK modules (java.base, java.naming, ...) must read the bootstrap loader's unnamed
                // module to call the bridge from inlined advice.
                .assureReadEdgeTo(inst, Bridge.class)
                .ignore(new OwnClasses()
                        .or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("java.lang.invoke."))
                        .or(nameStartsWith("jdk.internal.reflect."))
                        .or(nameStartsWith("sun.reflect."))
                        .or(nameContains("$$Lambda"))
                        .or(nameStartsWith("com.sun.proxy."))
                        .or(nameStartsWith("jdk.proxy"))
                        .or(isSynthetic()));
        for (Hook hook : HOOKS) {
            builder = hook.install(builder, hooks);
        }
        builder.installOn(inst);
        String filter = SerialFilterInstaller.install(sensor.config().deserFilter(), sensor.decider());
        Log.info("started: " + sensor.config() + "; " + HOOKS.length + " hooks, " + transformed.get()
                + " classes instrumented in " + (System.nanoTime() - t0) / 1_000_000L + " ms"
                + (failed.get() == 0 ? "" : ", " + failed.get() + " failed (see warnings)") + "; " + filter);
    }

    /** The sensor's own classes are never instrumented. */
    private static final class OwnClasses extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        @Override
        public boolean matches(TypeDescription target) {
            return Own.isSensorClass(target.getName());
        }
    }

    private static final class Listener extends AgentBuilder.Listener.Adapter {
        private final AtomicInteger transformed;
        private final AtomicInteger failed;

        Listener(AtomicInteger transformed, AtomicInteger failed) {
            this.transformed = transformed;
            this.failed = failed;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            transformed.incrementAndGet();
            Log.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                Throwable throwable) {
            failed.incrementAndGet();
            Log.warn("could not instrument " + typeName + ": " + throwable);
        }
    }
}
