package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jdk.internal.net.http.MultiExchange.responseAsyncImpl()}, one attempt of a
 * {@code java.net.http} request (its {@code currentreq} field is the attempt's request).
 */
public final class ExchangeAttemptAdvice {
    private ExchangeAttemptAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object exchange, @Advice.FieldValue("currentreq") Object request) {
        return Bridge.exchangeEnter(exchange, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object saved) {
        Bridge.exchangeLeave(saved);
    }
}
