package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers the revision, tagged with the run's id. Run again after a crash, it first looks for a revision with that tag, so
 * a registration that was made but not yet journaled is not made twice.
 */
final class RegisterRevision implements Step {
    static final String REGISTERED = "registeredRevision";
    private final ComposeImport run;

    RegisterRevision(ComposeImport run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "register";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        TaskDefinitionDraft d = run.request().taskDefinition();
        return StepPreview.of("Register a revision of " + run.family() + " for Fargate: cpu " + d.cpu() + ", memory " + d.memory() + ", containers "
                + String.join(", ", d.containerDefinitions().stream().map(c -> c.name() + " (" + c.image() + ")").toList()));
    }

    @Override
    public String run(StepContext context) {
        Optional<String> known = context.fact(REGISTERED);
        if (known.isEmpty()) {
            known = run.services().registry().taggedRevision(run.target(), run.family(), ComposeImport.RUN_TAG, context.runId());
            known.ifPresent(arn -> context.rememberOnce(REGISTERED, arn));
        }
        if (known.isPresent()) {
            return TaskDefinitionNames.familyRevision(known.get()) + " was registered by this run already";
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(ComposeImport.RUN_TAG, context.runId());
        Path source = Path.of(run.request().source()).getFileName();
        tags.put("capstan:source", source == null ? run.request().source() : source.toString());
        String arn = run.services().registry().register(run.target(), run.request().taskDefinition(), tags);
        context.rememberOnce(REGISTERED, arn);
        return "Registered " + TaskDefinitionNames.familyRevision(arn);
    }
}
