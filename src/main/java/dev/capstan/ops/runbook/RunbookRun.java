package dev.capstan.ops.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runbook walked on the engine: a run like any other (journaled, resumable tomorrow, in Activity), whose
 * steps are the runbook's. It holds no deploy lock itself: each operation it starts takes its own.
 */
public final class RunbookRun implements Operation {
    public static final String TYPE = "runbook";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Runbook runbook;
    private final String definition;
    private final Environment environment;
    private final Map<String, String> values;
    private final RunbookServices services;

    RunbookRun(Runbook runbook, String definition, Environment environment, Map<String, String> values, RunbookServices services) {
        this.runbook = runbook;
        this.definition = definition;
        this.environment = environment;
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("env", environment.name());
        this.values = Map.copyOf(all);
        this.services = services;
    }

    public Runbook runbook() {
        return runbook;
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        String given = runbook.parameters().stream().filter(p -> !values.getOrDefault(p.name(), "").isBlank())
                .map(p -> p.name() + " " + values.get(p.name())).reduce((a, b) -> a + ", " + b).map(s -> " (" + s + ")").orElse("");
        return "Runbook \"" + runbook.title() + "\" on " + environment.name() + given;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    /**
     * A runbook run as started. The definition itself is journaled, so a run resumed after the file was edited
     * walks the runbook it started with.
     *
     * @param source where the runbook was read from ("built-in" or its file)
     * @param values the parameters' values, the environment's name among them
     */
    public record Request(String runbook, String source, Map<String, String> values, String definition) {
    }

    @Override
    public Request request() {
        return new Request(runbook.name(), runbook.source(), values, definition);
    }

    static Map<String, String> values(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The journaled runbook values cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public List<Step> steps() {
        return runbook.steps().stream().map(this::step).toList();
    }

    private Step step(Runbook.Step step) {
        if (step instanceof Runbook.Manual m) {
            return new ManualStep(m, values, services);
        }
        if (step instanceof Runbook.OperationCall o) {
            return new OperationStep(o, environment, values, services);
        }
        return new CheckStep((Runbook.CheckCall) step, environment, values, services);
    }
}
