package dev.capstan.ops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service of a compose file, its settings read into plain values: what the translation to a container
 * definition works from. Settings the translation does not carry are kept by name, to be reported.
 *
 * @param environment     the variables with values, env_file's first and environment:'s over them, in that order
 * @param fromHost        variables named without a value, which compose takes from the shell that runs it
 * @param dependsOn       each service waited for, with compose's condition (service_started when the short form names it)
 * @param cpuUnits        the cpu limit (or reservation) in ECS units, 1024 to a vCPU; null when not given
 * @param memoryMiB       the memory limit (or reservation) in MiB; null when not given
 * @param otherSettings   the names of settings with no ECS counterpart on Fargate here, such as volumes: or restart:
 */
public record ComposeService(String name, String image, boolean build, List<String> entrypoint, List<String> command,
                             Map<String, String> environment, List<String> fromHost, List<ComposePort> ports, Map<String, String> dependsOn,
                             List<String> links, ComposeHealthcheck healthcheck, Integer cpuUnits, Integer memoryMiB, String hostname,
                             List<String> otherSettings) {
    /** Settings read into the record; any other is listed in {@code otherSettings}. */
    private static final Set<String> READ = Set.of("image", "build", "entrypoint", "command", "environment", "env_file", "ports", "depends_on",
            "links", "healthcheck", "deploy", "cpus", "mem_limit", "mem_reservation", "container_name", "hostname");

    static ComposeService read(String name, JsonNode s, Path folder) {
        String image = text(s.get("image"));
        boolean build = s.has("build");
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> fromHost = new ArrayList<>();
        EnvFiles.read(name, s.get("env_file"), folder, environment);
        readEnvironment(name, s.get("environment"), environment, fromHost);
        Map<String, String> dependsOn = new LinkedHashMap<>();
        JsonNode depends = s.get("depends_on");
        if (depends != null && depends.isArray()) {
            depends.forEach(d -> dependsOn.put(d.asText(), "service_started"));
        } else if (depends != null && depends.isObject()) {
            depends.fields().forEachRemaining(e -> dependsOn.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        List<String> links = new ArrayList<>();
        if (s.path("links").isArray()) {
            s.get("links").forEach(l -> links.add(l.asText()));
        }
        List<String> others = new ArrayList<>();
        s.fieldNames().forEachRemaining(field -> {
            if (!READ.contains(field)) {
                others.add(field);
            }
        });
        JsonNode limits = s.path("deploy").path("resources").path("limits");
        JsonNode reservations = s.path("deploy").path("resources").path("reservations");
        Integer cpu = Resources.cpuUnits(name, first(limits.get("cpus"), s.get("cpus"), reservations.get("cpus")));
        Integer memory = Resources.memoryMiB(name, first(limits.get("memory"), s.get("mem_limit"), reservations.get("memory"), s.get("mem_reservation")));
        String hostname = text(s.get("hostname"));
        return new ComposeService(name, image, build, words(name, "entrypoint", s.get("entrypoint")), words(name, "command", s.get("command")),
                environment, fromHost, ComposePort.readAll(name, s.get("ports")), dependsOn, links, ComposeHealthcheck.read(name, s.get("healthcheck")),
                cpu, memory, hostname, others);
    }

    private static JsonNode first(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node != null && !node.isNull() && !node.isMissingNode()) {
                return node;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }

    /** A command or entrypoint: a list as it is, a string split as a shell would split it (compose runs no shell either). */
    private static List<String> words(String service, String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> words = new ArrayList<>();
            node.forEach(w -> words.add(w.asText()));
            return words;
        }
        try {
            return CommandWords.split(node.asText(), CommandSyntax.SHELL);
        } catch (IllegalArgumentException e) {
            throw new ComposeProblem("The " + field + " of service " + service + " cannot be read: " + e.getMessage());
        }
    }

    private static void readEnvironment(String service, JsonNode node, Map<String, String> environment, List<String> fromHost) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() == null || e.getValue().isNull()) {
                    fromHost.add(e.getKey());
                    environment.remove(e.getKey());
                } else {
                    environment.put(e.getKey(), e.getValue().asText());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String entry = item.asText();
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    fromHost.add(entry.strip());
                    environment.remove(entry.strip());
                } else {
                    environment.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
                }
            }
        } else {
            throw new ComposeProblem("The environment of service " + service + " is neither a mapping (NAME: value) nor a list (- NAME=value).");
        }
    }
}
