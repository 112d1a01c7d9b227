package dev.capstan.testworld;

import dev.capstan.ops.Cancellation;
import dev.capstan.ops.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A step's context for running one step on its own in a test: its log lines and facts kept in memory,
 * its pauses cut short by {@link #cancel}, as the runner's are.
 */
public final class RecordingStepContext implements StepContext {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Object> facts = new ConcurrentHashMap<>();
    private final Cancellation cancellation = new Cancellation();

    public List<String> lines() {
        return lines;
    }

    public void cancel() {
        cancellation.cancel("Cancelled by the test.");
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public String operator() {
        return "tester@test-host";
    }

    @Override
    public boolean resumed() {
        return false;
    }

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public String rememberOnce(String key, String value) {
        return (String) facts.computeIfAbsent(key, k -> value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> rememberOnce(String key, List<String> values) {
        return (List<String>) facts.computeIfAbsent(key, k -> List.copyOf(values));
    }

    @Override
    public Optional<String> fact(String key) {
        return Optional.ofNullable(facts.get(key)).filter(String.class::isInstance).map(String.class::cast);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<List<String>> factList(String key) {
        return Optional.ofNullable(facts.get(key)).filter(List.class::isInstance).map(v -> (List<String>) v);
    }

    @Override
    public void pause(Duration duration) {
        cancellation.pause(duration);
    }

    /** Pauses of a few milliseconds: a test of a wait that rides out faults takes no time of its own. */
    @Override
    public dev.capstan.ops.Patience patience() {
        return new dev.capstan.ops.Patience(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(1), java.time.Clock.systemUTC());
    }

    @Override
    public void checkCancelled() {
        cancellation.check();
    }
}
