package dev.capstan.ops.deploy;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import java.util.List;

/**
 * The promotion gate: an environment that names {@code deploy.requiresDeployTo} takes only an image that was deployed there with
 * success first, by a deploy of any kind (staging may roll while production deploys blue/green).
 */
public final class PromotionGate {
    private final RunStore runs;

    public PromotionGate(RunStore runs) {
        this.runs = runs;
    }

    /** @throws IllegalArgumentException naming the environment to deploy to first and its latest successful deploys */
    public void check(Environment environment, String image) {
        String previous = environment.deployment().requiresDeployTo();
        if (previous == null) {
            return;
        }
        List<RunSummary> there = runs.summaries(previous).stream()
                .filter(r -> r.outcome() == RunOutcome.SUCCEEDED && r.operationType().endsWith(".deploy") && r.parameters().get("image") != null)
                .toList();
        if (there.stream().noneMatch(r -> image.equals(r.parameters().get("image")))) {
            String shown = there.isEmpty() ? "none in the journals" : String.join("; ", there.stream().limit(5)
                    .map(r -> ImageChoice.shortName(r.parameters().get("image")) + " by " + r.osUser() + " at " + r.finishedAt()).toList());
            throw new IllegalArgumentException(image + " has not been deployed to " + previous + " yet, and " + environment.name()
                    + " requires that (deploy.requiresDeployTo). " + previous + "'s successful deploys: " + shown + ".");
        }
    }
}
