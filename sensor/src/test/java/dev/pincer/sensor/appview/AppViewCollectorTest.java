package dev.pincer.sensor.appview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.client.AppInputs;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app's own view, read from javax and jakarta requests (dynamic proxies that record every call):
 * the parameter map only once the app made the container parse it, the query string otherwise, the
 * context header left out, the entry bound at limit + 1, and a failure mid-way giving what was read
 * with the truncated flag.
 */
class AppViewCollectorTest {
    /** A request whose app sent {@code ?id=1%27--&x} with a form body the container could parse. */
    private static final class Fake implements InvocationHandler {
        final List<String> calls = new ArrayList<>();
        final Map<String, String[]> params = new LinkedHashMap<>();
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final String api;
        String query = "id=1%27--&x";
        int cookies = 1;
        String failOn;

        Fake(String api) {
            this.api = api;
            params.put("id", new String[] {"1'--"});
            params.put("x", new String[] {""});
            params.put("comment", new String[] {"from the form body", "twice"});
            headers.put("Host", List.of("shop.example"));
            headers.put("X-Pincer-Context", List.of("v1.secret"));
            headers.put("Accept", List.of("text/html", "*/*"));
        }

        Object request() throws Exception {
            Class<?> type = Class.forName(api + ".servlet.http.HttpServletRequest");
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, this);
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] args) throws Exception {
            calls.add(m.getName());
            if (m.getName().equals(failOn)) {
                throw new IllegalStateException("container refused");
            }
            switch (m.getName()) {
                case "getParameterMap": return params;
                case "getQueryString": return query;
                case "getHeaderNames": return Collections.enumeration(headers.keySet());
                case "getHeaders": return Collections.enumeration(headers.get((String) args[0]));
                case "getCookies": {
                    Class<?> cookie = Class.forName(api + ".servlet.http.Cookie");
                    Object array = java.lang.reflect.Array.newInstance(cookie, cookies);
                    for (int i = 0; i < cookies; i++) {
                        java.lang.reflect.Array.set(array, i, cookie.getConstructor(String.class, String.class)
                                .newInstance(i == 0 ? "sid" : "c" + i, "v" + i));
                    }
                    return array;
                }
                default: throw new UnsupportedOperationException(m.getName());
            }
        }
    }

    private static List<String> entries(AppInputs in) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(in.source(i) + ":" + in.name(i) + "=" + in.value(i));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"javax", "jakarta"})
    void withoutParameterParsingOnlyTheQueryStringIsRead(String api) throws Exception {
        Fake fake = new Fake(api);
        AppInputs in = AppViewCollector.collect(fake.request(), false);
        assertFalse(fake.calls.contains("getParameterMap"), "the body stays the app's: " + fake.calls);
        assertEquals(List.of("1:id=1'--", "1:x=", "3:sid=v0", "2:Host=shop.example", "2:Accept=text/html",
                "2:Accept=*/*"), entries(in));
        assertFalse(in.truncated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javax", "jakarta"})
    void afterTheAppReadAParameterTheParameterMapIsRead(String api) throws Exception {
        Fake fake = new Fake(api);
        AppInputs in = AppViewCollector.collect(fake.request(), true);
        assertFalse(fake.calls.contains("getQueryString"));
        assertEquals(List.of("1:id=1'--", "1:x=", "1:comment=from the form body", "1:comment=twice", "3:sid=v0",
                "2:Host=shop.example", "2:Accept=text/html", "2:Accept=*/*"), entries(in));
    }

    /** Issue 8: names are inputs; a parameter or header that has only a name still reports it. */
    @ParameterizedTest
    @ValueSource(strings = {"javax", "jakarta"})
    void namesAreReportedEvenWithoutAValue(String api) throws Exception {
        Fake fake = new Fake(api);
        fake.params.clear();
        fake.params.put("x') OR 1=1--", new String[0]);
        fake.params.put("user[name]", new String[] {"bob"});
        fake.headers.clear();
        fake.headers.put("X'or'1", List.of());
        fake.headers.put("X-User", List.of("bob' OR '1'='1"));
        AppInputs in = AppViewCollector.collect(fake.request(), true);
        assertEquals(List.of("1:x') OR 1=1--=", "1:user[name]=bob", "3:sid=v0", "2:X'or'1=",
                "2:X-User=bob' OR '1'='1"), entries(in));
        assertFalse(in.truncated());
    }

    @ParameterizedTest(name = "{0} cookies: truncated {1}")
    @CsvSource({"507, false", "508, true"})
    void entryBoundAcrossSources(int cookies, boolean truncated) throws Exception {
        // 2 query parameters + cookies + 3 header values (the context header is not counted): 512 fit.
        Fake fake = new Fake("jakarta");
        fake.cookies = cookies;
        fake.headers.remove("Accept");
        fake.headers.put("Accept", List.of("a", "b"));
        AppInputs in = AppViewCollector.collect(fake.request(), false);
        assertEquals(Math.min(512, 2 + cookies + 3), in.size());
        assertEquals(truncated, in.truncated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"getCookies", "getHeaderNames", "getHeaders", "getQueryString"})
    void aFailureGivesWhatWasReadAndTheTruncatedFlag(String failing) throws Exception {
        Fake fake = new Fake("javax");
        fake.failOn = failing;
        AppInputs in = AppViewCollector.collect(fake.request(), false);
        assertTrue(in.truncated());
        if (!failing.equals("getQueryString")) {
            assertEquals("1:id=1'--", entries(in).get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a request"})
    void somethingElseIsNoRequest(String notARequest) {
        AppInputs in = AppViewCollector.collect(notARequest, true);
        assertEquals(0, in.size());
        assertTrue(in.truncated());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=1&b=2|1:a=1,1:b=2",
        "q=1%27+OR+1%3D1|1:q=1' OR 1=1",
        "flag|1:flag=",
        "&&a=&|1:a=",
        "bad=%zz%|1:bad=%zz%",
        "=v|1:=v",
        "k=%C3%A9|1:k=é",
    })
    void queryStrings(String query, String expected) {
        AppInputs in = new AppInputs();
        QueryString.addTo(query, in);
        assertEquals(List.of(expected.split(",")), entries(in));
    }
}
