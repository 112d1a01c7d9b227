package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/** Journals the family's newest revision before the import, which the comparison at the end is made against. */
final class ReadFamily implements Step {
    static final String PREVIOUS = "previousRevision";
    static final String NONE = "none";
    private final ComposeImport run;

    ReadFamily(ComposeImport run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "read-family";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Read the newest revision of " + run.family());
    }

    @Override
    public String run(StepContext context) {
        List<TaskDefRevision> revisions = run.services().reader().revisions(run.target(), run.family());
        String previous = context.rememberOnce(PREVIOUS, revisions.isEmpty() ? NONE : revisions.get(0).arn());
        return previous.equals(NONE) ? run.family() + " has no revision yet" : "The newest revision is " + revisions.get(0).name();
    }
}
