package dev.pincer.proxy.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** For container HEALTHCHECKs on images without curl: exit 0 when the URL answers 200. */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
        description = "Exit 0 if URL answers 200 within the timeout, else 1.")
final class HealthcheckCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:9090/healthz",
            description = "URL to probe (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--timeout", defaultValue = "3", description = "Seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        try {
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
            HttpResponse<Void> r = c.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeoutSeconds))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
            System.err.println("healthcheck: " + e);
            return 1;
        }
    }
}
