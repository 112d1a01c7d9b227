package dev.capstan.ops;

import dev.capstan.domain.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One operation type, declared once: its name (the CLI's, the runbooks' and the journal's word), what it does,
 * the words it takes with their help and defaults, its typed request (journaled, and read back to resume),
 * whether it takes the deploy lock, and how it is built. The catalogue, runbook validation, the CLI's defaults
 * and help and the console's forms all read it.
 *
 * <pre>
 * OperationType.declare("service.scale", ScaleRequest.class)
 *         .summary("Set the service's desired count and wait until that many tasks run")
 *         .parameter(Parameter.required("count", "The desired count"))
 *         .parameter(Parameter.withDefault("timeout", "How long to wait for the tasks", "10m"))
 *         .fromWords((env, words) -> scale(env, words.count("count"), words.duration("timeout")))
 *         .rebuild(this::scale);
 * </pre>
 *
 * @param <R> the request record: everything a run needs, settled (defaults read from the estate pinned in)
 */
public final class OperationType<R extends Record> {
    private final String name;
    private final Class<R> requestType;
    private final String summary;
    private final List<Parameter> parameters;
    private final boolean takesDeployLock;
    private final BiFunction<Environment, Words, Operation> fromWords;
    private final BiFunction<Environment, R, Operation> rebuild;

    private OperationType(Builder<R> b) {
        this.name = b.name;
        this.requestType = b.requestType;
        this.summary = Objects.requireNonNull(b.summary, "summary of " + b.name);
        this.parameters = List.copyOf(b.parameters);
        this.takesDeployLock = b.takesDeployLock;
        this.fromWords = b.fromWords;
        this.rebuild = Objects.requireNonNull(b.rebuild, "rebuild of " + b.name);
    }

    public static <R extends Record> Builder<R> declare(String name, Class<R> requestType) {
        return new Builder<>(name, requestType);
    }

    public String name() {
        return name;
    }

    public Class<R> requestType() {
        return requestType;
    }

    /** One line: what a run of this type does. */
    public String summary() {
        return summary;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Optional<Parameter> parameter(String word) {
        return parameters.stream().filter(p -> p.name().equals(word)).findFirst();
    }

    /** The default of a word, as typed ("60m"): what the CLI and the console's forms start from. */
    public String defaultOf(String word) {
        return parameter(word).map(Parameter::defaultValue)
                .orElseThrow(() -> new IllegalStateException(name + " declares no default for " + word));
    }

    /** The default of a duration word ("60m" as a {@link java.time.Duration}): what a form without that field uses. */
    public java.time.Duration defaultDuration(String word) {
        return dev.capstan.domain.Durations.parse(defaultOf(word));
    }

    /** Whether a run holds the environment's deploy lock while it changes things. */
    public boolean takesDeployLock() {
        return takesDeployLock;
    }

    /** Whether a runbook (or anything else that names operations by their words) can start it. */
    public boolean startsFromWords() {
        return fromWords != null;
    }

    /** Builds it from a person's words, reading the estate for what they leave open; bad words are refused with what to fix. */
    Operation fromWords(Environment environment, Words words) {
        if (fromWords == null) {
            throw new IllegalArgumentException(name + " is not started by name; it is started from the console or its own CLI command.");
        }
        return fromWords.apply(environment, words);
    }

    /** Builds it from a settled request, such as a journal's: reads nothing, so a resumed run does what was planned. */
    public Operation rebuild(Environment environment, R request) {
        return rebuild.apply(environment, request);
    }

    Operation rebuildUnchecked(Environment environment, Record request) {
        return rebuild(environment, requestType.cast(request));
    }

    public static final class Builder<R extends Record> {
        private final String name;
        private final Class<R> requestType;
        private String summary;
        private final List<Parameter> parameters = new ArrayList<>();
        private boolean takesDeployLock = true;
        private BiFunction<Environment, Words, Operation> fromWords;
        private BiFunction<Environment, R, Operation> rebuild;

        private Builder(String name, Class<R> requestType) {
            this.name = name;
            this.requestType = requestType;
        }

        public Builder<R> summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder<R> parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        /** It changes no service (data, the lock itself, a checklist), so it neither waits for nor holds up a deploy. */
        public Builder<R> withoutDeployLock() {
            this.takesDeployLock = false;
            return this;
        }

        public Builder<R> fromWords(BiFunction<Environment, Words, Operation> fromWords) {
            this.fromWords = fromWords;
            return this;
        }

        public OperationType<R> rebuild(BiFunction<Environment, R, Operation> rebuild) {
            this.rebuild = rebuild;
            return new OperationType<>(this);
        }
    }
}
