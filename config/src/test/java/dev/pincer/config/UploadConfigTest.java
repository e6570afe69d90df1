package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code protection.uploads} and {@code routes[i].protection.uploads}: defaults, inheritance, overrides. */
class UploadConfigTest {
    private static final String BASE = """
            listen: 127.0.0.1:8080
            admin: 127.0.0.1:9090
            upstreams:
              app:
                servers: [127.0.0.1:8081]
            """;

    @Test
    void absentSectionsAreOnWithNoAllowList() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(BASE + "routes:\n  - match: { path_prefix: / }\n    upstream: app\n",
                "pincer.yaml");
        assertEquals(UploadConfig.DEFAULT, c.protection().uploads());
        assertEquals(UploadConfig.INHERIT, c.routes().get(0).protection().uploads());
        assertEquals(UploadConfig.DEFAULT, c.routes().get(0).protection().uploads().over(c.protection().uploads()));
    }

    @Test
    void aRouteInheritsWhatItDoesNotSet() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(BASE + """
                protection:
                  uploads:
                    allow: [image/png, "IMAGE/*"]
                routes:
                  - match: { path_prefix: /off }
                    upstream: app
                    protection:
                      uploads: { enabled: false }
                  - match: { path_prefix: /docs }
                    upstream: app
                    protection:
                      uploads: { allow: [application/pdf] }
                """, "pincer.yaml");
        UploadConfig global = c.protection().uploads();
        assertEquals(new UploadConfig(true, List.of("image/png", "image/*")), global);
        UploadConfig off = c.routes().get(0).protection().uploads();
        assertNull(off.allow());
        assertFalse(off.over(global).on());
        assertEquals(List.of("image/png", "image/*"), off.over(global).allow());
        UploadConfig docs = c.routes().get(1).protection().uploads().over(global);
        assertTrue(docs.on());
        assertEquals(List.of("application/pdf"), docs.allow());
    }

    @Test
    void anEmptyRouteAllowListAllowsAnyTypeEvenUnderAGlobalOne() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(BASE + """
                protection:
                  uploads: { allow: [image/png] }
                routes:
                  - match: { path_prefix: / }
                    upstream: app
                    protection:
                      uploads: { allow: [] }
                """, "pincer.yaml");
        assertEquals(List.of(), c.routes().get(0).protection().uploads().over(c.protection().uploads()).allow());
    }
}
