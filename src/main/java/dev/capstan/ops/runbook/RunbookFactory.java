package dev.capstan.ops.runbook;

import dev.capstan.config.WorkspaceException;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.verify.CheckOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts runbook runs, rebuilds them from their journaled definition on resume, and runs a runbook's checks alone. */
public final class RunbookFactory {
    private final RunbookServices services;
    private final OperationType<RunbookRun.Request> declaration;

    public RunbookFactory(RunbookServices services) {
        this.services = services;
        // A runbook holds no deploy lock itself: each operation it starts takes its own.
        this.declaration = OperationType.declare(RunbookRun.TYPE, RunbookRun.Request.class)
                .summary("Walk a release checklist: manual ticks, operations and checks, recorded.")
                .withoutDeployLock()
                .rebuild(this::rebuild);
    }

    public OperationType<RunbookRun.Request> declaration() {
        return declaration;
    }

    public RunbookServices services() {
        return services;
    }

    public RunbookCatalog catalog() {
        return new RunbookCatalog(services.loader());
    }

    /** @param given the parameter values a person gave; the runbook's defaults fill the rest, a missing required one is refused */
    public RunbookRun run(RunbookCatalog.Entry entry, Environment environment, Map<String, String> given) {
        return new RunbookRun(entry.runbook(), entry.text(), environment, entry.runbook().resolve(given), services);
    }

    private Operation rebuild(Environment environment, RunbookRun.Request request) {
        String source = request.source() == null ? "built-in" : request.source();
        try {
            Runbook runbook = services.loader().parse(Path.of(request.runbook() + ".yaml"), request.definition(), source);
            Map<String, String> values = new LinkedHashMap<>(request.values() == null ? Map.of() : request.values());
            values.remove("env");
            return new RunbookRun(runbook, request.definition(), environment, values, services);
        } catch (WorkspaceException e) {
            throw new IllegalArgumentException("The journaled runbook cannot be read again: " + e.getMessage(), e);
        }
    }

    /** One check of a runbook run now, outside any run (capstan runbook check). */
    public record CheckResult(Runbook.CheckCall step, CheckOutcome outcome, String error) {
        public boolean passed() {
            return outcome != null && outcome.passed();
        }
    }

    /** Runs every check step of the runbook with the given values, in order, and reports each; nothing is journaled or changed. */
    public List<CheckResult> checks(RunbookCatalog.Entry entry, Environment environment, Map<String, String> given, Instant since) {
        Map<String, String> values = new LinkedHashMap<>(entry.runbook().resolve(given));
        values.put("env", environment.name());
        return entry.runbook().checks().stream().map(step -> (Runbook.CheckCall) step).map(step -> {
            Map<String, String> with = Runbook.fill(step.with(), values);
            try {
                return new CheckResult(step, services.checks().require(step.check()).run(environment, with, since), null);
            } catch (Exception e) {
                return new CheckResult(step, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }).toList();
    }
}
