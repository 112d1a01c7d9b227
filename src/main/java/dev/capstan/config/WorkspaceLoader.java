package dev.capstan.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a workspace file (capstan.yaml). Unknown keys are refused rather than ignored: a misspelt
 * {@code readOnly} that silently did nothing would let changes through to an environment meant to be safe.
 */
public final class WorkspaceLoader {
    /** The file's shape; the environments are domain records that check their own invariants. */
    record WorkspaceFile(List<Environment> environments) {
    }

    private final ObjectMapper mapper = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final YamlLocator locator = new YamlLocator();
    /** The workspace loaded last: the one in use, whose environments' history tables the team's history reads. */
    private volatile Workspace inUse;

    /** The environments of the workspace loaded last; none before one is. */
    public List<Environment> environmentsInUse() {
        Workspace workspace = inUse;
        return workspace == null ? List.of() : workspace.environments();
    }

    public Workspace load(Path file) throws WorkspaceException {
        String text = read(file);
        if (text.isBlank()) {
            throw new WorkspaceException(file, 0, "", "the file is empty; it needs an 'environments:' list");
        }
        WorkspaceFile parsed;
        try {
            refuseUnknownKeys(file, text, mapper.readTree(text));
            parsed = mapper.readValue(text, WorkspaceFile.class);
        } catch (JsonParseException e) {
            throw notYaml(file, e);
        } catch (JsonMappingException e) {
            // A syntax error met while a record was being read arrives wrapped in a mapping error.
            if (e.getCause() instanceof JsonParseException syntax) {
                throw notYaml(file, syntax);
            }
            throw explain(file, text, e);
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "", "could not be read: " + e.getMessage());
        }
        if (parsed == null || parsed.environments() == null || parsed.environments().isEmpty()) {
            throw new WorkspaceException(file, 1, "environments", "is missing or empty; list at least one environment");
        }
        checkUniqueNames(file, text, parsed.environments());
        Workspace workspace = new Workspace(file.toAbsolutePath(), parsed.environments());
        inUse = workspace;
        return workspace;
    }

    private void refuseUnknownKeys(Path file, String text, com.fasterxml.jackson.databind.JsonNode tree) throws WorkspaceException {
        var unknown = UnknownKeys.find(tree, WorkspaceFile.class);
        if (unknown.isPresent()) {
            var u = unknown.get();
            String hint = u.suggestion().map(s -> "; did you mean '" + s + "'?").orElse("; the keys allowed here are: "
                    + String.join(", ", u.allowed().stream().sorted().toList()));
            throw new WorkspaceException(file, locator.lineOf(text, JsonPointer.compile(u.pointer())), u.dotted(),
                    "unknown key '" + u.key() + "'" + hint);
        }
    }

    private static WorkspaceException notYaml(Path file, JsonParseException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String reason = e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !l.contains("^") && !l.startsWith(" in "))
                .reduce((a, b) -> a + "; " + b.strip()).orElse("syntax error");
        return new WorkspaceException(file, line, "", "not valid YAML: " + reason);
    }

    private static String read(Path file) throws WorkspaceException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(file, 0, "", "no such file (" + file.toAbsolutePath() + "); check the path or create the workspace");
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "", "could not be read: " + e.getMessage());
        }
    }

    private WorkspaceException explain(Path file, String text, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        StringBuilder dotted = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(ref.getFieldName());
                dotted.append(dotted.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                pointer.append('/').append(ref.getIndex());
                dotted.append('[').append(ref.getIndex()).append(']');
            }
        }
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            reason = "unknown key '" + unknown.getPropertyName() + "'; the keys allowed here are: " + known;
        } else if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            // The record names the offending field first: "cluster: is missing; ...".
            String message = invalid.getMessage();
            int colon = message.indexOf(": ");
            if (colon > 0 && message.substring(0, colon).matches("[A-Za-z]+")) {
                String field = message.substring(0, colon);
                pointer.append('/').append(field);
                dotted.append('.').append(field);
                reason = message.substring(colon + 2);
            } else {
                reason = message;
            }
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = "has the wrong shape: expected " + describe(mismatch.getTargetType());
        } else {
            reason = e.getOriginalMessage();
        }
        int line = locator.lineOf(text, JsonPointer.compile(pointer.toString()));
        return new WorkspaceException(file, line, dotted.toString(), reason);
    }

    private static String describe(Class<?> type) {
        if (type == List.class) {
            return "a list";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a mapping of " + type.getSimpleName();
    }

    private void checkUniqueNames(Path file, String text, List<Environment> environments) throws WorkspaceException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < environments.size(); i++) {
            String name = environments.get(i).name();
            if (!seen.add(name)) {
                int line = locator.lineOf(text, JsonPointer.compile("/environments/" + i + "/name"));
                throw new WorkspaceException(file, line, "environments[" + i + "].name",
                        "'" + name + "' is used by an earlier environment; names must be unique");
            }
        }
    }
}
