package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Plays the one-off tasks moto starts and never ends (tasks outside any service): on each tick it writes
 * the next line of a script into each container's awslogs stream, and after the last line stops the task
 * the way ECS reports an exited essential container. The sandbox uses it so a migration run ends; tests
 * use it with their own script and an ending that sets the exit code.
 */
public final class OneOffTaskPlayer {
    public static final String EXITED = "Essential container in task exited";

    /** Told just before a task is stopped, with its ARN: where a test decides the exit code. */
    public interface Ending {
        Ending NONE = taskArn -> { };

        void stopping(String taskArn);
    }

    private final AwsClients clients;
    private final AwsTarget target;
    private final List<String> clusters;
    private final List<String> script;
    private final Ending ending;
    private final Map<String, Integer> played = new HashMap<>();
    private final TaskLines lines;

    public OneOffTaskPlayer(AwsClients clients, AwsTarget target, List<String> clusters, List<String> script, Ending ending) {
        this.clients = clients;
        this.target = target;
        this.clusters = List.copyOf(clusters);
        this.script = List.copyOf(script);
        this.ending = ending;
        this.lines = new TaskLines(clients, target);
    }

    /** What a TypeORM migration prints, as a command override such as run,migration:run would. */
    public static List<String> migrationScript() {
        return List.of(
                "query: SELECT * FROM \"information_schema\".\"tables\" WHERE \"table_name\" = 'migrations'",
                "query: SELECT * FROM \"migrations\" \"migrations\" ORDER BY \"id\" DESC",
                "1 migrations are new migrations must be executed.",
                "query: START TRANSACTION",
                "query: ALTER TABLE \"region_config\" ADD \"cache_key\" character varying",
                "query: INSERT INTO \"migrations\"(\"timestamp\", \"name\") VALUES ($1, $2)",
                "Migration AddRegionCacheKey1763900000000 has been executed successfully.",
                "query: COMMIT");
    }

    public void tickOnce() {
        EcsClient ecs = clients.ecs(target);
        for (String cluster : clusters) {
            List<String> arns = ecs.listTasks(r -> r.cluster(cluster).desiredStatus("RUNNING")).taskArns();
            if (arns.isEmpty()) {
                continue;
            }
            for (Task task : ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks()) {
                if (task.group() != null && task.group().startsWith("service:") || !"RUNNING".equals(task.lastStatus())) {
                    continue;
                }
                int next = played.merge(task.taskArn(), 1, Integer::sum) - 1;
                if (next < script.size()) {
                    lines.write(task, script.get(next));
                } else {
                    ending.stopping(task.taskArn());
                    ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason(EXITED));
                }
            }
        }
    }
}
