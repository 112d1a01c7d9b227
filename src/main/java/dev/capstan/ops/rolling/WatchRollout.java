package dev.capstan.ops.rolling;

import dev.capstan.ops.RunReport;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Watches ECS roll the new revision out, to a verdict (see {@link RolloutLook}): the deploy succeeds only when every task
 * runs the new revision behind a healthy target. A timeout names what is still pending; ECS goes on either way, and a
 * resumed deploy watches again.
 */
final class WatchRollout implements Step {
    private final RollingDeploy deploy;

    WatchRollout(RollingDeploy deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "watch-rollout";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Watch the rollout until every task runs the new revision behind a healthy target (at most "
                + RunReport.human(deploy.request().timeout()) + "); fail with the reason if ECS rolls it back, new tasks keep stopping, "
                + "or there is no room for them");
    }

    @Override
    public String run(StepContext context) {
        String base = context.fact(RollingDeploy.BASE_TASK_DEFINITION).orElseThrow();
        String fresh = context.fact(RollingDeploy.NEW_TASK_DEFINITION).orElseThrow();
        Instant since = context.fact(RollingDeploy.ROLLOUT_STARTED).map(Long::parseLong).map(Instant::ofEpochMilli).orElse(Instant.EPOCH);
        Set<String> before = Set.copyOf(context.factList(RollingDeploy.TASKS_BEFORE).orElse(List.of()));
        RolloutLook look = new RolloutLook(deploy, base, fresh, since, before);
        RolloutLook.Seen done = context.waitUntil(Wait.<RolloutLook.Seen>forThe("the rollout").atMost(deploy.request().timeout())
                .every(deploy.services().poll()).measuredBy(deploy.services().clock()).looking(look::look)
                .orFail(last -> "After " + RunReport.human(deploy.request().timeout()) + " the rollout of " + RolloutLook.name(fresh)
                        + " is not done (" + last.found().counts() + "); pending: " + String.join("; ", last.found().pending())
                        + ". ECS goes on with it: resume to watch again, or roll back."));
        return "Every task runs " + RolloutLook.name(fresh) + ": " + done.counts();
    }
}
