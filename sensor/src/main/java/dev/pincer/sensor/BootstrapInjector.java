package dev.pincer.sensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge ({@code dev.pincer.sensor.bootstrap}) on the bootstrap class path, where advice
 * inlined into JDK classes can see it. The agent jar carries the bridge only as
 * {@code pincer-bootstrap/**.classdata} resources, which no class loader loads by name; they are
 * written to a temp jar (owner-only permissions) and appended with
 * {@link Instrumentation#appendToBootstrapClassLoaderSearch}. So there is exactly one copy of each
 * bridge class in the JVM, defined by the bootstrap loader, and the agent's own classes link to it
 * through ordinary parent delegation.
 */
final class BootstrapInjector {
    static final String PACKAGE = "dev/pincer/sensor/bootstrap/";
    static final String RESOURCE_DIR = "pincer-bootstrap/";
    /** Every class of the bridge package; BootstrapLayoutTest checks this list against the build. */
    static final String[] CLASSES = {"Bridge", "Bridge$1", "Dispatcher", "ThreadState", "PincerBlockedException"};

    private BootstrapInjector() {
    }

    static void inject(Instrumentation inst) throws IOException, ClassNotFoundException {
        if (alreadyOnBootstrapPath()) {
            return;
        }
        ClassLoader own = BootstrapInjector.class.getClassLoader();
        Path jar = Files.createTempFile("pincer-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String resource = RESOURCE_DIR + PACKAGE + name + ".classdata";
                byte[] bytes;
                try (InputStream in = own.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("missing " + resource + " in the agent jar");
                    }
                    bytes = readAll(in);
                }
                out.putNextEntry(new JarEntry(PACKAGE + name + ".class"));
                out.write(bytes);
                out.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        // Load them all now, before any hook can fire from inside class loading.
        for (String name : CLASSES) {
            Class<?> c = Class.forName(PACKAGE.replace('/', '.') + name, true, null);
            if (c.getClassLoader() != null) {
                throw new IllegalStateException(c + " was not defined by the bootstrap loader");
            }
        }
    }

    private static boolean alreadyOnBootstrapPath() {
        try {
            Class.forName(PACKAGE.replace('/', '.') + "Bridge", false, null);
            return true;
        } catch (ClassNotFoundException expected) {
            return false;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buf = new byte[4096];
        for (int r; (r = in.read(buf)) > 0;) {
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
