package dev.capstan.ops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One port of a service: the port the container listens on and the one compose published it on (null when not published). */
public record ComposePort(int target, Integer published, String protocol) {
    /** [host_ip:][published:]target[/protocol], with a range allowed on either side. */
    private static final Pattern SHORT = Pattern.compile("(?:(?:\\[[^\\]]*\\]|\\d+\\.\\d+\\.\\d+\\.\\d+):)?(?:(\\d+(?:-\\d+)?)?:)?(\\d+(?:-\\d+)?)(?:/(tcp|udp))?");

    static List<ComposePort> readAll(String service, JsonNode ports) {
        List<ComposePort> all = new ArrayList<>();
        if (ports == null || ports.isNull()) {
            return all;
        }
        if (!ports.isArray()) {
            throw new ComposeProblem("The ports of service " + service + " are not a list; write them like - \"8080:80\".");
        }
        for (JsonNode port : ports) {
            if (port.isObject()) {
                int target = port.path("target").asInt(0);
                if (target <= 0) {
                    throw new ComposeProblem("A port of service " + service + " has no target: the port the container listens on.");
                }
                JsonNode published = port.get("published");
                all.add(new ComposePort(target, published == null || published.asText().isBlank() ? null : Integer.valueOf(published.asText().split("-")[0]),
                        port.path("protocol").asText("tcp")));
            } else {
                all.addAll(readShort(service, port.asText().strip()));
            }
        }
        return all;
    }

    private static List<ComposePort> readShort(String service, String text) {
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            throw new ComposeProblem("Service " + service + " has a port '" + text + "' that is not [host:]container[/protocol], such as 8080:80.");
        }
        String protocol = m.group(3) == null ? "tcp" : m.group(3);
        int[] targets = range(m.group(2));
        int[] published = m.group(1) == null ? null : range(m.group(1));
        if (published != null && published.length != targets.length) {
            throw new ComposeProblem("Service " + service + " maps the port range " + m.group(1) + " onto " + m.group(2) + "; the two ranges must be as long.");
        }
        List<ComposePort> ports = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            ports.add(new ComposePort(targets[i], published == null ? null : published[i], protocol));
        }
        return ports;
    }

    private static int[] range(String text) {
        String[] ends = text.split("-");
        int from = Integer.parseInt(ends[0]);
        int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
        int[] values = new int[Math.max(0, to - from + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}
