package dev.capstan.ops.restart;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.Wait;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The end state the restart promises: the service runs its original count, every task new and healthy,
 * no old task left. ECS trims the surplus its own way; this waits until it has.
 */
final class WaitUntilSettled implements Step {
    private final RollingRestart restart;

    WaitUntilSettled(RollingRestart restart) {
        this.restart = restart;
    }

    @Override
    public String id() {
        return "wait-settled";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Wait until " + restart.serviceName() + " runs its original count again, only new tasks, all healthy (at most "
                + Wait.human(restart.request().timeout()) + ")");
    }

    @Override
    public String run(StepContext context) {
        int original = Integer.parseInt(context.fact(RollingRestart.ORIGINAL_COUNT).orElseThrow());
        Set<String> seen = new HashSet<>();
        String counts = context.waitUntil(Wait.<String>forThe("the end of the restart").atMost(restart.request().timeout()).every(restart.services().poll())
                .measuredBy(restart.services().clock()).looking(() -> {
            RestartPicture picture = restart.look(context, seen);
            long healthy = picture.newHealthy();
            int live = picture.newTasks().size();
            List<String> pending = new ArrayList<>();
            picture.oldRemaining().forEach(t -> pending.add("old task " + t.shortId() + " is still " + t.lastStatus()));
            if (live != original) {
                pending.add(live + " tasks where " + original + " are wanted");
            }
            if (healthy < live) {
                pending.addAll(picture.pending(original));
            }
            // After the group's capacity went back, tasks on the instances it let go of still look healthy until ECS moves them.
            picture.group().ifPresent(g -> pending.addAll(LeavingInstances.stillInCluster(restart, context, g)));
            String line = "desired " + picture.service().desiredCount() + ", running " + picture.running() + ", new healthy " + healthy
                    + " of " + original + ", old remaining " + picture.oldRemaining().size();
            return new Wait.Look<>(line, line, pending.isEmpty() && picture.oldRemaining().isEmpty() && live == original && healthy == original,
                    pending);
        }));
        return "Only new tasks run: " + counts;
    }
}
