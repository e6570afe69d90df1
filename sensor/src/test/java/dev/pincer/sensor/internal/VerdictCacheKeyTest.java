package dev.pincer.sensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression for issue 8: a cached verdict must not carry over to the same argv with other attrs.
 * An allow for {@code [touch, x]} with the inherited environment would otherwise also allow
 * {@code [touch, x]} run with {@code LD_PRELOAD} from the request, or split from a string.
 */
class VerdictCacheKeyTest {
    @Test
    void theKeyIncludesTheAttrs() {
        List<String> argv = List.of("touch", "x");
        VerdictCache.Key plain = new VerdictCache.Key(2, argv, List.of("exe.path", "/usr/bin/touch"));
        VerdictCache.Key same = new VerdictCache.Key(2, List.of("touch", "x"), List.of("exe.path", "/usr/bin/touch"));
        VerdictCache.Key env = new VerdictCache.Key(2, argv, List.of("exe.path", "/usr/bin/touch",
                "env.LD_PRELOAD", "/tmp/x.so"));
        VerdictCache.Key string = new VerdictCache.Key(2, argv, List.of("exe.path", "/usr/bin/touch",
                "exec.form", "string"));
        assertEquals(plain, same);
        assertEquals(plain.hashCode(), same.hashCode());
        assertNotEquals(plain, env);
        assertNotEquals(plain, string);
        VerdictCache cache = new VerdictCache();
        cache.put(plain, new dev.pincer.sensor.client.Reply(dev.pincer.sensor.client.Reply.VERDICT, dev.pincer.sensor.client.Reply.ALLOW, 1, "", ""));
        assertEquals(null, cache.get(env));
    }
}
