package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestTarget}: RFC 9112 §3.2 target forms, RFC 3986 §5.2.4 dot-segment removal. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://a/b?c            | /b?c",
        "http://a?x              | /?x",
        "http://a                | /",
        "http://a/               | /",
        "HTTPS://a:8443/p/q      | /p/q",
        "http://a:80?x=/y        | /?x=/y",
        "http://u@a/b            | /b",
        "/already/origin?q=1     | /already/origin?q=1",
        "*                       | *",
    })
    void originForm(String target, String expected) {
        assertEquals(expected, RequestTarget.originForm(target));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://a/b?c        | a",
        "http://a:8080?x     | a:8080",
        "https://[::1]:443/  | [::1]:443",
        "http://a            | a",
    })
    void authorityOfAbsoluteForm(String target, String expected) {
        assertEquals(expected, RequestTarget.authority(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/b?c", "*", "a:443", "ftp://a/b"})
    void noAuthorityForOtherForms(String target) {
        assertNull(RequestTarget.authority(target));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "example.com            | example.com",
        "Example.COM:8080       | example.com",
        "example.com.           | example.com",
        "example.com.:443       | example.com",
        "[::1]                  | [::1]",
        "[2001:DB8::1]:8443     | [2001:db8::1]",
        "user:pw@example.com:80 | example.com",
        "a@b@example.com        | example.com",
        "127.0.0.1:8080         | 127.0.0.1",
        "''                     | ''",
    })
    void hostOnly(String authority, String expected) {
        assertEquals(expected, RequestTarget.hostOnly(authority));
    }

    @org.junit.jupiter.api.Test
    void hostOnlyOfNullIsEmpty() {
        assertEquals("", RequestTarget.hostOnly(null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/a/../b          | /b",
        "/a/%2e%2e/b      | /b",
        "/a/%2E%2e/b      | /b",
        "/a/.%2e/b        | /b",
        "/../..           | /",
        "/..              | /",
        "/a/./b/          | /a/b/",
        "/a/b/.           | /a/b/",
        "/a/b/..          | /a/",
        "/a/b?x=/../c     | /a/b",
        "/a/../b?q        | /b",
        "/public/../admin | /admin",
        "/a/..b/c         | /a/..b/c",
        "/plain/path      | /plain/path",
        "/                | /",
        "*                | /",
        "?q               | /",
    })
    void routingPath(String originForm, String expected) {
        assertEquals(expected, RequestTarget.routingPath(originForm));
    }
}
