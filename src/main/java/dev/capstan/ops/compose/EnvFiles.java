package dev.capstan.ops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A service's env_file: one file or a list, paths relative to the compose file, lines NAME=value, # comments. */
final class EnvFiles {
    private EnvFiles() {
    }

    static void read(String service, JsonNode node, Path folder, Map<String, String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> readOne(service, item, folder, into));
        } else {
            readOne(service, node, folder, into);
        }
    }

    private static void readOne(String service, JsonNode item, Path folder, Map<String, String> into) {
        String path = item.isObject() ? item.path("path").asText("") : item.asText("");
        boolean required = !item.isObject() || item.path("required").asBoolean(true);
        if (path.isBlank()) {
            throw new ComposeProblem("An env_file of service " + service + " names no file; give its path, such as .env.");
        }
        Path file = folder == null ? Path.of(path) : folder.resolve(path);
        if (!Files.isRegularFile(file)) {
            if (!required) {
                return;
            }
            throw new ComposeProblem("Service " + service + " reads its environment from " + file + ", which does not exist; create it, "
                    + "or mark it required: false.");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ComposeProblem("Cannot read " + file + " (env_file of service " + service + "): " + e.getMessage() + ".");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ComposeProblem(file + " line " + (i + 1) + " is not NAME=value; fix it or comment it out with #.");
            }
            into.put(line.substring(0, eq).strip(), unquoted(line.substring(eq + 1).strip()));
        }
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
