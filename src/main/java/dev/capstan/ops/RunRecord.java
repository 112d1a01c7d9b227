package dev.capstan.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a journal says about one run, folded into one value: the audit record the Activity view
 * shows and exports, and what resume reads back.
 *
 * @param scope     what the run's deploy lock guards in its environment (its service, else its cluster); null in journals
 *                  written before runs said so
 * @param request   the operation's typed request as journaled; null in journals written before requests were typed
 * @param tornLines lines that could not be read (a write cut short by a crash); skipped, never fatal
 */
public record RunRecord(String id, Path file, String operationType, String title, String environment, String scope, String profile,
                        String osUser, String callerArn, Map<String, String> parameters, JsonNode request, List<String> warnings,
                        List<StepRecord> steps, Map<String, List<String>> facts, Instant startedAt, Instant finishedAt,
                        RunOutcome outcome, String error, List<String> history, int tornLines) {
    public RunRecord {
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
        facts = Map.copyOf(facts);
        history = List.copyOf(history);
    }

    public Plan plan() {
        return new Plan(title, steps.stream().map(StepRecord::planned).toList(), warnings);
    }

    public Optional<Duration> duration() {
        return finishedAt == null || startedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }

    /** The first step that has not finished: where a resumed run picks up. */
    public Optional<StepRecord> nextStep() {
        return steps.stream().filter(step -> step.state() != StepRecord.State.DONE).findFirst();
    }

    public RunRecord withOutcome(RunOutcome outcome) {
        return new RunRecord(id, file, operationType, title, environment, scope, profile, osUser, callerArn, parameters, request, warnings, steps,
                facts, startedAt, finishedAt, outcome, error, history, tornLines);
    }
}
