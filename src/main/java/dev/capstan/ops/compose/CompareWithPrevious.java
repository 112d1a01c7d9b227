package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.taskdefs.TaskDefDiff;
import java.util.List;

/** Writes to the run's log each field in which the new revision differs from the family's newest before it. */
final class CompareWithPrevious implements Step {
    private final ComposeImport run;

    CompareWithPrevious(ComposeImport run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Compare the new revision with the one before it");
    }

    @Override
    public String run(StepContext context) {
        String registered = context.fact(RegisterRevision.REGISTERED).orElseThrow(
                () -> new IllegalStateException("The run has no registered revision to compare; resume it from the register step."));
        String previous = context.fact(ReadFamily.PREVIOUS).orElse(ReadFamily.NONE);
        if (previous.equals(ReadFamily.NONE)) {
            return TaskDefinitionNames.familyRevision(registered) + " is the family's first revision";
        }
        TaskDefRevision before = run.services().reader().revision(run.target(), previous);
        TaskDefRevision after = run.services().reader().revision(run.target(), registered);
        List<TaskDefDiff.Row> changed = TaskDefDiff.diff(before, after).stream().filter(TaskDefDiff.Row::changed)
                .filter(r -> !r.field().equals("revision")).toList();
        changed.forEach(r -> context.log(r.field() + ": " + r.left() + " → " + r.right()));
        return changed.isEmpty() ? after.name() + " is the same as " + before.name() + " in every field compared"
                : after.name() + " differs from " + before.name() + " in " + changed.size() + (changed.size() == 1 ? " field" : " fields");
    }
}
