package dev.capstan.testworld;

import dev.capstan.aws.sandbox.OneOffTaskPlayer;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays one-off tasks in moto as ECS would: each task RUNNING, its script written line by line into
 * its containers' awslogs streams, then stopped with the exit code the test chose.
 */
public final class TaskHarness {
    public static final List<String> SCRIPT = List.of("query: START TRANSACTION", "Migration AddIndex42 has been executed successfully.",
            "query: COMMIT");

    private TaskHarness() {
    }

    /** Plays every one-off task of the cluster on the executor, every 200 ms, until the executor is shut down. */
    public static void play(MotoWorld moto, String cluster, int exitCode, ScheduledExecutorService executor) {
        OneOffTaskPlayer player = new OneOffTaskPlayer(moto.clients(), moto.target(), List.of(cluster), SCRIPT,
                taskArn -> moto.taskEndings().exitWith(taskArn, exitCode));
        executor.scheduleWithFixedDelay(player::tickOnce, 0, 200, TimeUnit.MILLISECONDS);
    }
}
