package dev.capstan.ops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's healthcheck as compose reads it: the test (["CMD", ...], ["CMD-SHELL", "..."] or a string, which
 * compose runs with a shell) and its times in milliseconds; null where not given.
 */
public record ComposeHealthcheck(List<String> test, Long intervalMillis, Long timeoutMillis, Integer retries, Long startPeriodMillis) {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)");

    /** Null when the service has none, or disables the image's. */
    static ComposeHealthcheck read(String service, JsonNode h) {
        if (h == null || h.isNull() || h.path("disable").asBoolean(false)) {
            return null;
        }
        JsonNode test = h.get("test");
        List<String> words = new ArrayList<>();
        if (test == null) {
            throw new ComposeProblem("The healthcheck of service " + service + " has no test; give one, such as [\"CMD\", \"pg_isready\"].");
        } else if (test.isArray()) {
            test.forEach(w -> words.add(w.asText()));
        } else {
            words.add("CMD-SHELL");
            words.add(test.asText());
        }
        if (words.isEmpty() || words.get(0).equals("NONE")) {
            return null;
        }
        if (!words.get(0).equals("CMD") && !words.get(0).equals("CMD-SHELL")) {
            throw new ComposeProblem("The healthcheck test of service " + service + " starts with " + words.get(0)
                    + "; start it with CMD or CMD-SHELL, or write it as one string.");
        }
        return new ComposeHealthcheck(words, millis(service, "interval", h.get("interval")), millis(service, "timeout", h.get("timeout")),
                h.has("retries") ? h.get("retries").asInt() : null, millis(service, "start_period", h.get("start_period")));
    }

    /** Compose's durations: 1m30s, 10s, 500ms. */
    private static Long millis(String service, String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        Matcher m = PART.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                case "ms" -> n;
                case "us" -> n / 1000;
                default -> n / 1_000_000;
            };
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new ComposeProblem("The healthcheck " + field + " of service " + service + " is '" + text + "'; write it like 30s or 1m30s.");
        }
        return (long) Math.ceil(total);
    }
}
