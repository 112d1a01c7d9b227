package dev.capstan.ops.runbook;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Text a person reads and ticks; the tick (who, when, the note) is journaled before the run goes on. */
final class ManualStep implements Step {
    private final Runbook.Manual step;
    private final Map<String, String> values;
    private final RunbookServices services;

    ManualStep(Runbook.Manual step, Map<String, String> values, RunbookServices services) {
        this.step = step;
        this.values = values;
        this.services = services;
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public StepKind kind() {
        return StepKind.MANUAL;
    }

    String text() {
        return Runbook.fill(step.text(), values);
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of(Runbook.fill(step.title(), values)).withDetails(text().strip().lines().toList());
    }

    @Override
    public String run(StepContext context) throws Exception {
        RunbookSteps.startedAt(context, services.clock().instant());
        String at = context.fact("tickedAt:" + step.id()).orElse(null);
        if (at == null) {
            Runbook.Manual filled = new Runbook.Manual(step.id(), Runbook.fill(step.title(), values), text(), Runbook.fill(step.noteLabel(), values));
            Attendant.Tick tick = RunbookSteps.await(context, services.attendants().current().tick(context.runId(), filled, text()));
            context.rememberOnce("tickedBy:" + step.id(), context.operator());
            context.rememberOnce("note:" + step.id(), tick.note());
            at = context.rememberOnce("tickedAt:" + step.id(), Instant.now(services.clock()).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        String note = context.fact("note:" + step.id()).orElse("");
        return "Ticked by " + context.fact("tickedBy:" + step.id()).orElse(context.operator()) + " at " + at
                + (note.isEmpty() ? "" : "; " + (step.noteLabel().isEmpty() ? "note" : step.noteLabel()) + ": " + note);
    }
}
