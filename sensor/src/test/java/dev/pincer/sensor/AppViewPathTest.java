package dev.pincer.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.bootstrap.Bridge;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.client.Timing;
import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.config.SensorConfig;
import dev.pincer.sensor.log.Log;
import dev.pincer.sensor.testing.FakeCorrelator;
import dev.pincer.sensor.testing.FakeCorrelator.Entry;
import dev.pincer.sensor.testing.TestHeaders;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's own view through the bridge, as the servlet and parameter advice drive it: INPUTS once
 * per request, right before its first CHECK that needs a verdict; none for a request whose sinks
 * the hint settles (and then the request object is not even touched); the parameter map only after
 * the app read a parameter.
 */
class AppViewPathTest {
    private static final String TOKEN = "appview-test-token-0123456789";
    private static final String CTX = "0123456789abcdef0123456789abcdef";
    private static final long MS = 1_000_000L;
    private static final Timing FAST = new Timing(15_000 * MS, 10_000 * MS, 100 * MS, 20 * MS, 200 * MS,
            2_000 * MS, 20 * MS);

    private FakeCorrelator correlator;
    private Sensor sensor;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        Log.setLevel(Log.OFF);
        ThreadState st = Bridge.state();
        st.guard = 0;
        st.depth = 0;
        st.clearRequest();
        correlator = new FakeCorrelator(TOKEN);
        sensor = Sensor.start(new SensorConfig("127.0.0.1", correlator.port(), TOKEN, 1000 * MS, true,
                FailMode.OPEN, Log.OFF, "test"), true, FAST);
        assertTrue(FakeCorrelator.await(sensor.client()::isConnected, Duration.ofSeconds(5)));
    }

    @AfterEach
    void tearDown() {
        sensor.stop();
        correlator.close();
        while (Bridge.state().depth > 0) {
            Bridge.requestExit();
        }
    }

    /** A jakarta request for {@code ?id=7} whose form body holds {@code note=hi}. */
    private Object request() {
        return Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class}, (p, m, args) -> {
                    calls.add(m.getName());
                    switch (m.getName()) {
                        case "getParameterMap": return Map.of("id", new String[] {"7"}, "note", new String[] {"hi"});
                        case "getQueryString": return "id=7";
                        case "getHeaderNames": return Collections.enumeration(List.of("Host"));
                        case "getHeaders": return Collections.enumeration(List.of("shop.example"));
                        case "getCookies": return null;
                        default: throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private static void sql(String q) {
        Bridge.leave(Bridge.sql(q, "executeQuery"));
    }

    @Test
    void inputsGoOnceBeforeTheFirstCheckOfTheRequest() {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), "shop.example", request());
        sql("SELECT * FROM t WHERE id = 7");
        sql("SELECT * FROM u WHERE id = 7");
        Bridge.requestExit();
        assertEquals(List.of(0x12, 0x10, 0x10), correlator.order());
        FakeCorrelator.Inputs in = correlator.inputs().get(0);
        assertEquals(CTX, in.ctx());
        assertEquals(List.of(new Entry(1, "id", "7"), new Entry(2, "Host", "shop.example")), in.entries());
        assertTrue(!calls.contains("getParameterMap"), "the app read no parameter: the body is left alone");

        // The next request on this thread has its own view.
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX.replace('0', 'f'), 1), "shop.example", request());
        sql("SELECT 1");
        Bridge.requestExit();
        assertEquals(2, correlator.inputs().size());
    }

    @Test
    void afterTheAppReadAParameterTheParameterMapGoes() {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), "shop.example", request());
        Bridge.parametersRead(); // what ParameterAdvice does at the exit of getParameter
        sql("SELECT 1");
        Bridge.requestExit();
        List<Entry> entries = correlator.inputs().get(0).entries();
        assertTrue(entries.contains(new Entry(1, "note", "hi")), entries.toString());
        assertTrue(calls.contains("getParameterMap"));
    }

    @Test
    void aRequestWhoseSinksNeedNoVerdictCostsNoCollection() {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 0), "shop.example", request());
        sql("SELECT 1");
        Bridge.requestExit();
        assertEquals(List.of(), calls, "the request object is never touched");
        assertEquals(List.of(), correlator.order());
    }

    @Test
    void withoutARequestObjectNoInputsAreSent() {
        Bridge.requestEnter(TestHeaders.sign(TOKEN, CTX, 1), "shop.example");
        sql("SELECT 1");
        Bridge.requestExit();
        assertEquals(List.of(0x10), correlator.order());
    }
}
