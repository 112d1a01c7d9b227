package dev.capstan.ops;

import java.util.List;

/** What an operation will do, worked out from live state without changing anything. */
public record Plan(String title, List<PlannedStep> steps, List<String> warnings) {
    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean changesAnything() {
        return steps.stream().anyMatch(step -> step.kind() == StepKind.CHANGE);
    }

    public PlannedStep step(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + id + " in the plan of " + title));
    }
}
