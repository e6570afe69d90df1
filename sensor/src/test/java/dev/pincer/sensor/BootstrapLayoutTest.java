package dev.pincer.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BootstrapLayoutTest {
    /** The injector's list must name every class of the bridge package, or premain misses one. */
    @Test
    void injectorListsEveryBridgeClass() throws Exception {
        File dir = new File(dev.pincer.sensor.bootstrap.Bridge.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI().resolve("dev/pincer/sensor/bootstrap/"));
        Set<String> compiled = Arrays.stream(dir.list((d, n) -> n.endsWith(".class")))
                .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(compiled, new TreeSet<>(Arrays.asList(BootstrapInjector.CLASSES)));
    }
}
