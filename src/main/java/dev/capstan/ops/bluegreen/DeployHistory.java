package dev.capstan.ops.bluegreen;

import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who deployed what to which environment, and when: read from the journals of successful deploys. */
public final class DeployHistory {
    private final RunStore runs;

    public DeployHistory(RunStore runs) {
        this.runs = runs;
    }

    /** A successful deploy: its run, who ran it, when it ended, the image and the task set it made. */
    public record Deployed(String runId, String who, Instant when, String image, String taskDefinition, String taskSet) {
    }

    /** The environment's successful deploys, newest first. */
    public List<Deployed> deploys(String environment) {
        return runs.summaries(environment).stream()
                .filter(r -> BlueGreenDeploy.TYPE.equals(r.operationType()) && r.outcome() == RunOutcome.SUCCEEDED)
                .map(r -> new Deployed(r.id(), r.osUser(), r.finishedAt(), r.parameters().get("image"),
                        r.fact(BlueGreenDeploy.NEW_TASK_DEFINITION).orElse(null), r.fact(BlueGreenDeploy.NEW_TASK_SET).orElse(null)))
                .toList();
    }

    public Optional<Deployed> of(String environment, String taskSetArn) {
        return deploys(environment).stream().filter(d -> taskSetArn.equals(d.taskSet())).findFirst();
    }
}
