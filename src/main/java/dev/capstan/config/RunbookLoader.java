package dev.capstan.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.domain.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a runbook YAML file and refuses a malformed one with the file, the line and what to fix: an
 * unknown key, a step that is not exactly one of manual / operation / check, an operation or check
 * Capstan does not have, a placeholder naming no parameter.
 *
 * <pre>
 * name: update-region-data
 * title: Update region data
 * parameters:
 *   - name: region
 *     description: the region_config.region to update
 * steps:
 *   - manual: Open staging and make a test map of ${region}.
 *   - operation: region.publish
 *     with: {region: "${region}", from: "${from}"}
 *   - check: region-row
 *     with: {region: "${region}", s3_uri: "${uri}"}
 * </pre>
 */
public final class RunbookLoader {
    private static final Set<String> TOP = Set.of("name", "title", "description", "parameters", "steps");
    private static final Set<String> PARAMETER = Set.of("name", "description", "default", "required");
    private static final Set<String> STEP = Set.of("id", "title", "manual", "operation", "check", "with", "note");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final YamlLocator locator = new YamlLocator();
    private final OperationWords operations;
    private final Set<String> checks;

    /** What is wrong with a step that names an operation with some words: the operations' own declarations answer. */
    @FunctionalInterface
    public interface OperationWords {
        List<WordProblem> problems(String operation, Set<String> words);
    }

    /**
     * One thing wrong with an operation step, and where it is written.
     *
     * @param where    {@link Where#OPERATION} for the operation's name, {@link Where#WORD} for {@code word} under with:,
     *                 {@link Where#WITH} for something with: lacks
     * @param sentence what is wrong, as the sentence after the file and line
     */
    public record WordProblem(Where where, String word, String sentence) {
        public enum Where { OPERATION, WORD, WITH }
    }

    /** @param operations what a runbook may call, and with which words; @param checks the check kinds it may run */
    public RunbookLoader(OperationWords operations, Set<String> checks) {
        this.operations = operations;
        this.checks = Set.copyOf(checks);
    }

    public Runbook load(Path file) throws WorkspaceException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "", "could not be read: " + e.getMessage());
        }
        return parse(file, text, file.toString());
    }

    /** @param source what the runbook's record says it came from (a path, or "built-in") */
    public Runbook parse(Path file, String text, String source) throws WorkspaceException {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonParseException e) {
            throw new WorkspaceException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
        } catch (IOException e) {
            throw new WorkspaceException(file, 0, "", "could not be read: " + e.getMessage());
        }
        Reader r = new Reader(file, text);
        if (root == null || !root.isObject()) {
            throw new WorkspaceException(file, 1, "", "a runbook is a mapping with name, title, parameters and steps");
        }
        r.keys(root, "", TOP);
        String name = r.text(root, "/name", true);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw r.at("/name", "'" + name + "' is not a runbook name; use lower-case words joined by hyphens, like update-region-data");
        }
        String title = r.text(root, "/title", false);
        String description = r.text(root, "/description", false);
        List<Runbook.Parameter> parameters = parameters(r, root.path("parameters"));
        Set<String> known = new HashSet<>(parameters.stream().map(Runbook.Parameter::name).toList());
        known.add("env");
        List<Runbook.Step> steps = steps(r, root.path("steps"), known);
        return new Runbook(name, title.isEmpty() ? name : title, description, source, parameters, steps);
    }

    private List<Runbook.Parameter> parameters(Reader r, JsonNode list) throws WorkspaceException {
        List<Runbook.Parameter> parameters = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return parameters;
        }
        if (!list.isArray()) {
            throw r.at("/parameters", "is a list of parameters, each with a name");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/parameters/" + i;
            JsonNode p = list.get(i);
            r.keys(p, at, PARAMETER);
            String name = r.text(p, at + "/name", true);
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]*") || "env".equals(name)) {
                throw r.at(at + "/name", "'" + name + "' cannot name a parameter; use letters, digits, - and _ (env is always given)");
            }
            if (!names.add(name)) {
                throw r.at(at + "/name", "parameter " + name + " is declared twice");
            }
            String fallback = p.has("default") ? p.get("default").asText() : null;
            boolean required = p.has("required") ? p.get("required").asBoolean() : fallback == null;
            parameters.add(new Runbook.Parameter(name, r.text(p, at + "/description", false), fallback, required));
        }
        return parameters;
    }

    private List<Runbook.Step> steps(Reader r, JsonNode list, Set<String> known) throws WorkspaceException {
        if (!list.isArray() || list.isEmpty()) {
            throw r.at("/steps", "is missing or empty; list the steps, each a manual, operation or check");
        }
        List<Runbook.Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/steps/" + i;
            JsonNode s = list.get(i);
            r.keys(s, at, STEP);
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("manual", "operation", "check")) {
                if (s.has(kind)) {
                    kinds.add(kind);
                }
            }
            if (kinds.size() != 1) {
                throw r.at(at, kinds.isEmpty() ? "a step needs one of manual:, operation: or check:"
                        : "a step is one thing, not " + String.join(" and ", kinds) + "; split it into " + kinds.size() + " steps");
            }
            String id = s.has("id") ? r.text(s, at + "/id", true) : "step-" + (i + 1);
            if (!ids.add(id)) {
                throw r.at(at + "/id", "step id " + id + " is used twice; ids must differ");
            }
            String title = r.text(s, at + "/title", false);
            Map<String, String> with = with(r, s.path("with"), at + "/with", known);
            Runbook.Step step = switch (kinds.get(0)) {
                case "manual" -> {
                    String text = r.text(s, at + "/manual", true);
                    r.placeholdersKnown(text, at + "/manual", known);
                    if (!with.isEmpty()) {
                        throw r.at(at + "/with", "a manual step takes no with:; write what to do in its text");
                    }
                    yield new Runbook.Manual(id, title.isEmpty() ? firstLine(text) : title, text, r.text(s, at + "/note", false));
                }
                case "operation" -> {
                    String type = r.text(s, at + "/operation", true);
                    checkWords(r, type, with, at, s.has("with"));
                    yield new Runbook.OperationCall(id, title.isEmpty() ? type : title, type, with);
                }
                default -> {
                    String kind = r.text(s, at + "/check", true);
                    if (!checks.contains(kind)) {
                        throw r.at(at + "/check", "Capstan has no check '" + kind + "'; it has " + String.join(", ", sorted(checks)));
                    }
                    yield new Runbook.CheckCall(id, title.isEmpty() ? kind : title, kind, with);
                }
            };
            if (!(step instanceof Runbook.Manual) && s.has("note")) {
                throw r.at(at + "/note", "only a manual step takes a note:");
            }
            steps.add(step);
        }
        return steps;
    }

    /** An operation a runbook cannot start, a word it does not take or one it needs is refused where it is written. */
    private void checkWords(Reader r, String type, Map<String, String> with, String at, boolean hasWith) throws WorkspaceException {
        List<WordProblem> problems = operations.problems(type, with.keySet());
        if (!problems.isEmpty()) {
            WordProblem first = problems.get(0);
            String where = switch (first.where()) {
                case OPERATION -> "/operation";
                case WORD -> "/with/" + first.word();
                case WITH -> hasWith ? "/with" : "/operation";
            };
            throw r.at(at + where, first.sentence());
        }
    }

    private static Map<String, String> with(Reader r, JsonNode node, String at, Set<String> known) throws WorkspaceException {
        Map<String, String> with = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return with;
        }
        if (!node.isObject()) {
            throw r.at(at, "is a mapping of the operation's or check's parameters");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isValueNode()) {
                throw r.at(at + "/" + field.getKey(), "is a single value (text, number or true/false)");
            }
            String value = field.getValue().asText();
            r.placeholdersKnown(value, at + "/" + field.getKey(), known);
            with.put(field.getKey(), value);
        }
        return with;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** Reads fields and points at their lines when something is wrong. */
    private final class Reader {
        private final Path file;
        private final String text;

        Reader(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        WorkspaceException at(String pointer, String reason) {
            String dotted = pointer.replaceAll("^/", "").replaceAll("/(\\d+)", "[$1]").replace('/', '.');
            return new WorkspaceException(file, locator.lineOf(text, JsonPointer.compile(pointer)), dotted, reason);
        }

        void keys(JsonNode node, String at, Set<String> allowed) throws WorkspaceException {
            if (!node.isObject()) {
                throw at(at, "is a mapping of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!allowed.contains(key)) {
                    throw at(at + "/" + key, "unknown key '" + key + "'; the keys allowed here are: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        String text(JsonNode node, String pointer, boolean required) throws WorkspaceException {
            JsonNode value = node.at(pointer.substring(pointer.lastIndexOf('/')));
            if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                if (required) {
                    throw at(pointer, "is missing; give it a value");
                }
                return "";
            }
            if (!value.isValueNode()) {
                throw at(pointer, "is a single value, not a list or a mapping");
            }
            return value.asText().strip();
        }

        void placeholdersKnown(String value, String pointer, Set<String> known) throws WorkspaceException {
            for (String name : Runbook.placeholders(value)) {
                if (!known.contains(name)) {
                    throw at(pointer, "${" + name + "} names no parameter of this runbook; declare it under parameters: or fix the name");
                }
            }
        }
    }
}
