package dev.capstan.ops.restart;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.Wait;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.HashSet;
import java.util.Set;

/**
 * Waits until the service runs its raised count with every new task RUNNING, behind a healthy target in
 * each of the service's target groups, and (when asked) having logged the health line. On timeout it says
 * which target is unhealthy and why, and which task stopped and why; the old tasks are left running.
 */
final class WaitForNewTasks implements Step {
    private final RollingRestart restart;

    WaitForNewTasks(RollingRestart restart) {
        this.restart = restart;
    }

    @Override
    public String id() {
        return "wait-new-tasks-healthy";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        RestartRequest request = restart.request();
        String log = request.healthLogPattern() == null ? "" : ", and each has logged \"" + request.healthLogPattern() + "\"";
        return StepPreview.of("Wait until the new tasks are RUNNING and every one of their targets is healthy" + log + " (at most "
                + Wait.human(request.timeout()) + ")");
    }

    @Override
    public String run(StepContext context) {
        Set<String> seen = new HashSet<>();
        int count = restart.request().count();
        String counts = context.waitUntil(Wait.<String>forThe("the restart").atMost(restart.request().timeout()).every(restart.services().poll())
                .measuredBy(restart.services().clock()).looking(() -> {
            RestartPicture picture = restart.look(context, seen);
            int wantedNew = Math.max(1, count - picture.oldRemaining().size());
            long healthy = picture.newHealthy();
            String line = "desired " + picture.service().desiredCount() + ", running " + picture.running() + ", new healthy " + healthy
                    + " of " + wantedNew + ", old remaining " + picture.oldRemaining().size()
                    + picture.group().map(g -> ", group " + g.inService() + "/" + g.desiredCapacity() + " in service").orElse("");
            return new Wait.Look<>(line, line, healthy >= wantedNew, picture.pending(wantedNew));
        }));
        return "The new tasks are healthy: " + counts;
    }
}
