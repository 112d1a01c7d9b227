package dev.capstan.ops.task;

import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.LogEvent;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskProgress;
import dev.capstan.ops.RunCancelledException;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Wait;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches the task to its end: each status change and each log line of its containers goes to the run's
 * log as it happens; once stopped, the essential containers' exit codes decide the step. Cancel and the
 * timeout stop the watching, not the task: a migration killed half-way is worse than one left to finish.
 */
final class WatchTask implements Step {
    static final String EXIT_CODE = "exitCode";
    private static final int LAST_LINES = 15;
    /** CloudWatch can show a container's last lines a moment after ECS reports the task stopped. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private final OneOffTask task;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private LogFollower logs;

    WatchTask(OneOffTask task) {
        this.task = task;
    }

    @Override
    public String id() {
        return "watch-task";
    }

    @Override
    public StepKind kind() {
        return StepKind.WAIT;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Watch the task until it stops (at most " + RunReport.human(task.request().timeout())
                + "), with its containers' logs; succeed only if every essential container exits 0");
    }

    @Override
    public String run(StepContext context) {
        String arn = context.fact(StartTask.TASK_ARN).orElseThrow(() -> new IllegalStateException("The journal holds no task to watch."));
        String id = StartTask.id(arn);
        logs = follower(context, arn);
        try {
            TaskProgress stopped = context.waitUntil(Wait.<TaskProgress>forThe("the task's watch").atMost(task.request().timeout())
                    .every(task.services().poll()).measuredBy(task.services().clock()).looking(() -> {
                        TaskProgress now = task.services().ecs().task(task.target(), task.env().cluster(), arn).orElseThrow(() -> new IllegalStateException(
                                "ECS no longer knows task " + id + " (it forgets stopped tasks after about an hour), so its exit code cannot be read; "
                                        + "its logs stay in CloudWatch."));
                        if (now.stopped()) {
                            // The stop is logged after the last lines, below: the log reads in the order things happened.
                            return Wait.Look.done(now, null);
                        }
                        poll(context);
                        return Wait.Look.notYet(now, "Task " + id + " is " + now.lastStatus(), List.of());
                    }).orFail(last -> "Task " + id + " is still " + last.found().lastStatus() + " after " + RunReport.human(task.request().timeout())
                            + "; it goes on running. Resume this run to watch it again, or stop the task."));
            poll(context);
            context.pause(SETTLE);
            poll(context);
            context.log("Task " + id + " is STOPPED");
            return verdict(context, stopped);
        } catch (RunCancelledException e) {
            context.log("Stopped watching; task " + id + " goes on running. Resume this run to watch it again.");
            throw e;
        }
    }

    private String verdict(StepContext context, TaskProgress stopped) {
        Set<String> essential = task.services().taskDefinitions().revision(task.target(), stopped.taskDefinition()).containers().stream()
                .filter(TaskDefRevision.Container::essential).map(TaskDefRevision.Container::name).collect(Collectors.toSet());
        TaskVerdict verdict = TaskVerdict.of(stopped, essential);
        context.rememberOnce("containerExits", verdict.exits());
        if (verdict.exitCode() != null) {
            context.rememberOnce(EXIT_CODE, verdict.exitCode().toString());
        }
        String reason = stopped.stoppedReason() == null ? "no reason given" : stopped.stoppedReason();
        String ran = stopped.startedAt() != null && stopped.stoppedAt() != null
                ? " after " + RunReport.human(Duration.between(stopped.startedAt(), stopped.stoppedAt())) : "";
        if (verdict.succeeded()) {
            return "Task " + stopped.id() + " exited 0" + ran + " (" + String.join(", ", verdict.exits()) + "): " + reason;
        }
        throw new IllegalStateException("Task " + stopped.id() + " stopped" + ran + ": " + reason + "; " + verdict.problem() + "."
                + (lastLines.isEmpty() ? " It wrote no log lines." : " Last log lines:\n  " + String.join("\n  ", lastLines)));
    }

    /** Reads the task's containers' streams from a little before it started; null when the task definition sends no logs to CloudWatch. */
    private LogFollower follower(StepContext context, String arn) {
        LogSource source;
        try {
            source = task.services().logs().sources().task(task.env(), arn);
        } catch (IllegalArgumentException e) {
            context.log(e.getMessage() + " Only the exit code will be shown.");
            return null;
        }
        long from = context.fact(StartTask.LOGS_FROM).map(Long::parseLong).orElse(task.services().logs().clock().millis() - 3_600_000);
        boolean severalContainers = source.streams().size() > 1;
        LogFollower.Sink sink = new LogFollower.Sink() {
            @Override
            public void events(List<LogEvent> batch) {
                for (LogEvent event : batch) {
                    String line = (severalContainers ? "[" + container(event.stream()) + "] " : "") + event.message().stripTrailing();
                    context.log(line);
                    lastLines.addLast(line);
                    if (lastLines.size() > LAST_LINES) {
                        lastLines.removeFirst();
                    }
                }
            }

            @Override
            public void state(LogFollower.State state, String detail) {
                // The watch polls on its own rhythm; the follower's states are for the Logs view.
            }
        };
        return task.services().logs().follower(task.env(), source, null, from, true, sink, duration -> true);
    }

    private void poll(StepContext context) {
        if (logs == null) {
            return;
        }
        try {
            logs.pollOnce();
        } catch (LogsGateway.ThrottledException e) {
            // The next poll catches up: the follower's start time did not move.
            context.checkCancelled();
        } catch (RuntimeException e) {
            context.log("Could not read the task's logs (" + e.getMessage() + "); only its status and exit code will be shown.");
            logs = null;
        }
    }

    /** A stream is prefix/container/task-id. */
    private static String container(String stream) {
        String[] parts = stream.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] : stream;
    }
}
