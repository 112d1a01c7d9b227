package dev.capstan.ops.verify;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An HTTP(S) GET of a URL answers 2xx within the timeout (10 s by default). */
final class HttpGetCheck implements Check {
    private final CheckServices services;

    HttpGetCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "http-get";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("url", "timeout");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "GET " + with.getOrDefault("url", "?") + " answers 2xx within " + Params.optional(with, "timeout", "10s");
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) throws Exception {
        Params.only(kind(), with, parameters());
        String url = Params.required(kind(), with, "url");
        Duration timeout = Durations.parse(Params.optional(with, "timeout", "10s"));
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The http-get check's url '" + url + "' is not an http(s) URL.");
        }
        List<String> evidence = new ArrayList<>();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = services.http().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String body = response.body() == null ? "" : response.body().strip();
            evidence.add("GET " + url + " answered " + response.statusCode() + " in " + ms + " ms");
            if (!body.isEmpty()) {
                evidence.add("body: " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
            }
            boolean ok = response.statusCode() / 100 == 2;
            return ok ? CheckOutcome.pass(url + " answered " + response.statusCode(), evidence)
                    : CheckOutcome.fail(url + " answered " + response.statusCode(), evidence);
        } catch (HttpTimeoutException e) {
            evidence.add("GET " + url + " gave no answer within " + timeout.toSeconds() + " s");
            return CheckOutcome.fail(url + " did not answer in time", evidence);
        } catch (java.io.IOException e) {
            evidence.add("GET " + url + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return CheckOutcome.fail(url + " could not be reached", evidence);
        }
    }
}
