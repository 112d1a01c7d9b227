package dev.capstan.ops.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Docker Compose file as read: its project name and its services in the file's order. Each service's
 * {@code env_file} is read here, relative to the compose file's folder, as {@code docker compose} reads it.
 */
public record ComposeFile(Path source, String projectName, List<ComposeService> services) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ComposeFile {
        services = List.copyOf(services);
    }

    public static ComposeFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ComposeProblem("There is no file " + file + "; give the path of a compose file, such as compose.yaml.");
        } catch (IOException e) {
            throw new ComposeProblem("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ComposeProblem(file + " is not YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "") + ".");
        }
        if (root == null || !root.isObject() || !root.path("services").isObject() || root.path("services").isEmpty()) {
            throw new ComposeProblem(file + " has no services: a compose file lists its containers under services:.");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<ComposeService> services = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("services").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isObject()) {
                throw new ComposeProblem("Service " + entry.getKey() + " in " + file + " is not a mapping of its settings (image:, ports:, ...).");
            }
            services.add(ComposeService.read(entry.getKey(), entry.getValue(), folder));
        }
        String name = root.path("name").asText(null);
        return new ComposeFile(file, name != null && !name.isBlank() ? name : projectNameOf(folder), services);
    }

    /** As compose names a project without name:: the folder's name, lower case, with only letters, digits, - and _. */
    private static String projectNameOf(Path folder) {
        String name = folder == null || folder.getFileName() == null ? "app" : folder.getFileName().toString();
        String cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return cleaned.isEmpty() ? "app" : cleaned;
    }

    public List<String> serviceNames() {
        return services.stream().map(ComposeService::name).toList();
    }
}
