package dev.pincer.sensor.servlet;

import dev.pincer.sensor.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code ServletRequest.getParameter}, {@code getParameterMap},
 * {@code getParameterNames} and {@code getParameterValues} implementations (javax and jakarta, and
 * wrappers): once the app has asked for a parameter, the container has parsed them all, the form
 * body included, and the sensor may read the parameter map without consuming a body the app means
 * to read itself. Example: a servlet calls {@code request.getParameter("id")} on a form POST; a
 * CHECK later in that request then sends the whole parameter map in INPUTS.
 */
public final class ParameterAdvice {
    private ParameterAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        try {
            Bridge.parametersRead();
        } catch (Throwable ignored) {
            // never into the app
        }
    }
}
