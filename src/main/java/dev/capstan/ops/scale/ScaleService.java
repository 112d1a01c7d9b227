package dev.capstan.ops.scale;

import dev.capstan.aws.EcsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.TaskState;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Targets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sets an environment's service to a number of tasks and waits until ECS runs that many: the simplest
 * change an on-call engineer makes, and the engine's plainest operation.
 */
public final class ScaleService implements Operation {
    public static final String TYPE = "service.scale";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Environment environment;
    private final int count;
    private final Duration timeout;
    private final EcsGateway ecs;
    private final Targets targets;

    public ScaleService(Environment environment, int count, Duration timeout, EcsGateway ecs, Targets targets) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; add service: to it in the workspace.");
        }
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("A desired count of " + count + " is out of range; give a number from 0 to 1000.");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait timeout must be positive.");
        }
        this.environment = environment;
        this.count = count;
        this.timeout = timeout;
        this.ecs = ecs;
        this.targets = targets;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Scale " + environment.service() + " on " + environment.name() + " to " + count;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("count", Integer.toString(count), "timeoutSeconds", Long.toString(timeout.toSeconds()));
    }

    @Override
    public List<Step> steps() {
        return List.of(new ReadCounts(), new SetDesiredCount(), new WaitUntilRunning());
    }

    private AwsTarget target() {
        return targets.of(environment);
    }

    private ServiceStatus service() {
        return ecs.service(target(), environment.cluster(), environment.service());
    }

    private final class ReadCounts implements Step {
        @Override
        public String id() {
            return "read-counts";
        }

        @Override
        public StepKind kind() {
            return StepKind.READ;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Read the desired count of " + environment.service() + " and the tasks it runs now");
        }

        @Override
        public String run(StepContext context) {
            ServiceStatus now = service();
            String original = context.rememberOnce("originalDesiredCount", Integer.toString(now.desiredCount()));
            List<String> before = context.rememberOnce("tasksBefore", ecs.runningTaskArns(target(), environment.cluster(), environment.service()));
            return environment.service() + " wanted " + original + " tasks; " + before.size() + " were running";
        }
    }

    private final class SetDesiredCount implements Step {
        @Override
        public String id() {
            return "set-desired-count";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            int desired = service().desiredCount();
            return StepPreview.change("Set desired count of " + environment.service() + " from " + desired + " to " + count, desired, count);
        }

        @Override
        public String run(StepContext context) {
            ServiceStatus now = service();
            if (now.desiredCount() == count) {
                return "Desired count was already " + count + "; nothing to change";
            }
            ecs.setDesiredCount(target(), environment.cluster(), environment.service(), count);
            return "Desired count is now " + count + " (was " + now.desiredCount() + ")";
        }
    }

    private final class WaitUntilRunning implements Step {
        @Override
        public String id() {
            return "wait-running";
        }

        @Override
        public StepKind kind() {
            return StepKind.WAIT;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Wait until " + environment.service() + " runs " + count + " tasks with none pending (at most "
                    + timeout.toMinutes() + " min " + timeout.toSecondsPart() + " s)");
        }

        @Override
        public String run(StepContext context) {
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = "";
            while (true) {
                // Counted from the tasks themselves: a service's runningCount can lag behind them.
                List<TaskState> tasks = ecs.serviceTasks(target(), environment.cluster(), environment.service());
                long running = tasks.stream().filter(TaskState::running).count();
                String counts = "running " + running + ", on their way " + (tasks.size() - running) + ", wanted " + count;
                if (!counts.equals(last)) {
                    context.log(counts);
                    last = counts;
                }
                if (running == count && tasks.size() == count) {
                    return environment.service() + " runs " + count + " tasks";
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("After " + timeout.toSeconds() + " s " + environment.service() + " has " + counts
                            + "; look at its events and stopped tasks in the Clusters view.");
                }
                context.pause(POLL);
            }
        }
    }
}
