package dev.capstan.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.config.RunbookLoader.WordProblem;
import dev.capstan.config.RunbookLoader.WordProblem.Where;
import dev.capstan.domain.Environment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation type this Capstan knows, from their declarations: what the runner rebuilds a journaled
 * run from, what a runbook may name and with which words, and what the CLI's options default to.
 */
public final class OperationTypes {
    private final Map<String, OperationType<?>> types = new LinkedHashMap<>();

    public OperationTypes(List<OperationType<?>> declared) {
        for (OperationType<?> type : declared) {
            if (types.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("Two operation types are named " + type.name());
            }
        }
    }

    public Collection<OperationType<?>> all() {
        return types.values();
    }

    public Optional<OperationType<?>> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public OperationType<?> require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("This version of Capstan does not know operations of type " + name
                + "; it knows " + String.join(", ", types.keySet()) + "."));
    }

    /** The names a runbook step may use in {@code operation:}. */
    public List<String> startableNames() {
        return types.values().stream().filter(OperationType::startsFromWords).map(OperationType::name).toList();
    }

    /**
     * What is wrong with naming this operation with these words (empty when nothing is): an operation that cannot be
     * started by name, a word it does not take, a word it needs. A runbook file is checked with it when it loads.
     */
    public List<WordProblem> problems(String name, Collection<String> words) {
        OperationType<?> type = types.get(name);
        if (type == null || !type.startsFromWords()) {
            return List.of(new WordProblem(Where.OPERATION, null, "Capstan has no operation '" + name + "' a runbook can start; it has "
                    + String.join(", ", startableNames()) + "."));
        }
        List<String> takes = type.parameters().stream().map(Parameter::name).toList();
        List<WordProblem> problems = new ArrayList<>();
        for (String word : words) {
            if (!takes.contains(word)) {
                problems.add(new WordProblem(Where.WORD, word, "the operation " + name + " takes no '" + word + "'; it takes "
                        + String.join(", ", takes) + "."));
            }
        }
        for (Parameter p : type.parameters()) {
            if (p.required() && !words.contains(p.name())) {
                problems.add(new WordProblem(Where.WITH, p.name(), "the operation " + name + " needs '" + p.name() + "'; add it under with:."));
            }
        }
        return problems;
    }

    /** Builds an operation from a person's words: checked against its declaration, its defaults filled in, the estate read for the rest. */
    public Operation fromWords(String name, Environment environment, Map<String, String> with) {
        List<WordProblem> problems = problems(name, with.keySet());
        if (!problems.isEmpty()) {
            String said = String.join(" ", problems.stream().map(WordProblem::sentence).toList());
            throw new IllegalArgumentException(Character.toUpperCase(said.charAt(0)) + said.substring(1));
        }
        OperationType<?> type = types.get(name);
        Map<String, String> words = new LinkedHashMap<>();
        for (Parameter p : type.parameters()) {
            String given = with.get(p.name());
            String value = given != null && !given.isBlank() ? given.strip() : p.defaultValue();
            if (value != null) {
                words.put(p.name(), value);
            }
        }
        return type.fromWords(environment, new Words(name, words));
    }

    /** The operation of a journaled run, from its typed request, or from the flat parameters of a journal written before requests were typed. */
    public Operation rebuild(RunRecord run, Environment environment) {
        OperationType<?> type = require(run.operationType());
        return type.rebuildUnchecked(environment, requestOf(run, type));
    }

    private static Record requestOf(RunRecord run, OperationType<?> type) {
        JsonNode typed = run.request();
        return typed != null ? Requests.fromJson(typed, type.requestType()) : Requests.fromFlat(run.parameters(), type.requestType());
    }
}
