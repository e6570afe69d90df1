package dev.pincer.sensor.net;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined at the end of the constructors of {@code jdk.internal.net.http.MultiExchange}. */
public final class ExchangeCreatedAdvice {
    private ExchangeCreatedAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Object exchange) {
        Bridge.exchangeCreated(exchange);
    }
}
