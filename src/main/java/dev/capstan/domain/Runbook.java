package dev.capstan.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release checklist as a team writes it: a name, parameters a person fills in when starting it, and
 * steps of three kinds. {@code source} says where it came from (a file, or "built-in").
 */
public record Runbook(String name, String title, String description, String source, List<Parameter> parameters, List<Step> steps) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*)}");

    public Runbook {
        parameters = List.copyOf(parameters);
        steps = List.copyOf(steps);
    }

    /** A value a person gives when starting the runbook; {@code env} is always there and needs no declaring. */
    public record Parameter(String name, String description, String defaultValue, boolean required) {
    }

    /** One step; {@code id} is stable across edits of the text, so a run resumed tomorrow finds its place. */
    public sealed interface Step permits Manual, OperationCall, CheckCall {
        String id();

        String title();
    }

    /** Text a person reads and ticks, with an optional note (a link, a ticket) recorded with the tick. */
    public record Manual(String id, String title, String text, String noteLabel) implements Step {
    }

    /** One of Capstan's operations, with its parameters ({@code ${name}} placeholders filled from the runbook's). */
    public record OperationCall(String id, String title, String operation, Map<String, String> with) implements Step {
        public OperationCall {
            with = Map.copyOf(with);
        }
    }

    /** An automated check that passes or fails with evidence. */
    public record CheckCall(String id, String title, String check, Map<String, String> with) implements Step {
        public CheckCall {
            with = Map.copyOf(with);
        }
    }

    public List<Step> checks() {
        return steps.stream().filter(s -> s instanceof CheckCall).toList();
    }

    /** The parameter values to run with: the given ones over the defaults; a required one missing is refused with its name. */
    public Map<String, String> resolve(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            if (value == null || value.isBlank()) {
                if (p.required()) {
                    throw new IllegalArgumentException("Runbook " + name + " needs the parameter " + p.name()
                            + (p.description() == null ? "" : " (" + p.description() + ")") + "; give it with --param " + p.name() + "=VALUE.");
                }
                value = "";
            }
            values.put(p.name(), value);
        }
        for (String key : given.keySet()) {
            if (!values.containsKey(key) && !"env".equals(key)) {
                throw new IllegalArgumentException("Runbook " + name + " has no parameter " + key + "; its parameters are: "
                        + (parameters.isEmpty() ? "none" : String.join(", ", parameters.stream().map(Parameter::name).toList())) + ".");
            }
        }
        return values;
    }

    /** Replaces {@code ${name}} with the value; an unknown name is left for {@link #placeholders} to have caught. */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every value of a step's {@code with:} filled in. */
    public static Map<String, String> fill(Map<String, String> with, Map<String, String> values) {
        Map<String, String> filled = new LinkedHashMap<>();
        with.forEach((k, v) -> filled.put(k, fill(v, values)));
        return filled;
    }

    public static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).toList();
    }
}
