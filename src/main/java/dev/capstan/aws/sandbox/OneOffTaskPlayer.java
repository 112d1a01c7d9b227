package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
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
    private final Set<String> streams = new HashSet<>();

    public OneOffTaskPlayer(AwsClients clients, AwsTarget target, List<String> clusters, List<String> script, Ending ending) {
        this.clients = clients;
        this.target = target;
        this.clusters = List.copyOf(clusters);
        this.script = List.copyOf(script);
        this.ending = ending;
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
                    write(ecs, task, script.get(next));
                } else {
                    ending.stopping(task.taskArn());
                    ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason(EXITED));
                }
            }
        }
    }

    private void write(EcsClient ecs, Task task, String line) {
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        CloudWatchLogsClient logs = clients.logs(target);
        for (ContainerDefinition c : ecs.describeTaskDefinition(r -> r.taskDefinition(task.taskDefinitionArn())).taskDefinition().containerDefinitions()) {
            if (c.logConfiguration() == null || !"awslogs".equals(c.logConfiguration().logDriverAsString())) {
                continue;
            }
            String group = c.logConfiguration().options().get("awslogs-group");
            String stream = c.logConfiguration().options().get("awslogs-stream-prefix") + "/" + c.name() + "/" + taskId;
            if (streams.add(group + "/" + stream)) {
                try {
                    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
                } catch (ResourceAlreadyExistsException e) {
                    // Made by an earlier player; the stream is what we want either way.
                }
            }
            List<InputLogEvent> events = new ArrayList<>();
            events.add(InputLogEvent.builder().timestamp(Instant.now().toEpochMilli()).message(line).build());
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        }
    }
}
