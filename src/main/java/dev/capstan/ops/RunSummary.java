package dev.capstan.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as the history lists it: who ran what, where, when, how it ended, and the parameters and facts
 * that later runs look up (the image a deploy served, the command a task ran).
 *
 * @param console the console (user@host) that runs the run, or ran it last, when that is another machine's Capstan; null for
 *                this machine's own runs The steps, their log lines
 * and the run's history are in the {@link RunRecord} that {@link RunStore#read} returns.
 */
public record RunSummary(String id, String operationType, String title, String environment, String scope, String osUser, String callerArn,
                         Map<String, String> parameters, Map<String, List<String>> facts, Instant startedAt, Instant finishedAt,
                         RunOutcome outcome, String error, String console) {
    public RunSummary {
        parameters = Map.copyOf(parameters);
        facts = Map.copyOf(facts);
    }

    public static RunSummary of(RunRecord run) {
        return new RunSummary(run.id(), run.operationType(), run.title(), run.environment(), run.scope(), run.osUser(), run.callerArn(),
                run.parameters(), run.facts(), run.startedAt(), run.finishedAt(), run.outcome(), run.error(), null);
    }

    /** Whether this run guards what a run with the given scope would: the same service or cluster, or unknown (an older journal). */
    public boolean guardsTheSameAs(String otherScope) {
        return scope == null || otherScope == null || scope.equals(otherScope);
    }

    public Optional<Duration> duration() {
        return finishedAt == null || startedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }

    /** The first value of a fact the run journaled, if it did. */
    public Optional<String> fact(String key) {
        List<String> values = facts.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public RunSummary withOutcome(RunOutcome outcome) {
        return new RunSummary(id, operationType, title, environment, scope, osUser, callerArn, parameters, facts, startedAt, finishedAt, outcome, error,
                console);
    }

    /** The same run as the team's history has it, run (or last run) by the named console: another machine's Capstan. */
    public RunSummary onConsole(String consoleName) {
        return new RunSummary(id, operationType, title, environment, scope, osUser, callerArn, parameters, facts, startedAt, finishedAt, outcome, error,
                consoleName);
    }

    /** Whether another machine's Capstan runs it (or ran it last); such a run is read from the team's history. */
    public boolean elsewhere() {
        return console != null;
    }
}
