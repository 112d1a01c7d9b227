package dev.capstan.aws.sandbox;

import dev.capstan.aws.AwsClients;
import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Writes a steady trickle of application log lines for each live task of a service, into the stream
 * the awslogs driver would use ({@code prefix/container/task-id}), including the HealthCheckService
 * lines people watch for to know a task has loaded its data.
 */
public final class LogTrickle {
    private static final String[] LINES = {
        "[Nest] %d   - %s   LOG [HealthCheckService] Health check passed: topology loaded for %d regions",
        "[Nest] %d   - %s   LOG [RouterExplorer] GET /api/regions/%d 200 %dms",
        "[Nest] %d   - %s   LOG [TopologyService] Cached TopoJSON for region %d (%d KB)",
        "[Nest] %d   - %s   WARN [DistrictsService] Slow query %d took %dms",
        "[Nest] %d   - %s   LOG [HealthCheckService] GET /health 200 in %dms (%d checks)",
    };
    private final AwsClients clients;
    private final AwsTarget target;
    private final Set<String> streams = new HashSet<>();

    private final java.util.function.Predicate<String> brokenImage;

    public LogTrickle(AwsClients clients, AwsTarget target) {
        this(clients, target, image -> false);
    }

    /** @param brokenImage images whose tasks crash at start (see {@link EcsScheduler}): they write a crash, not a running app's lines */
    public LogTrickle(AwsClients clients, AwsTarget target, java.util.function.Predicate<String> brokenImage) {
        this.clients = clients;
        this.target = target;
        this.brokenImage = brokenImage;
    }

    /** Writes one or a few lines for each live task of the service. */
    public void writeOnce(String cluster, String service, String container, String logGroup) {
        var ecs = clients.ecs(target);
        List<String> arns = ecs.listTasks(r -> r.cluster(cluster).desiredStatus("RUNNING")).taskArns();
        if (arns.isEmpty()) {
            return;
        }
        List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
        CloudWatchLogsClient logs = clients.logs(target);
        for (Task task : tasks) {
            if (!("service:" + service).equals(task.group()) || task.containers().stream().anyMatch(c -> brokenImage.test(c.image()))) {
                continue;
            }
            String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
            String stream = "app/" + container + "/" + taskId;
            ensureStream(logs, logGroup, stream);
            List<InputLogEvent> events = new ArrayList<>();
            long now = Instant.now().toEpochMilli();
            int count = 1 + ThreadLocalRandom.current().nextInt(3);
            for (int i = 0; i < count; i++) {
                events.add(InputLogEvent.builder().timestamp(now + i).message(line(Instant.ofEpochMilli(now))).build());
            }
            logs.putLogEvents(r -> r.logGroupName(logGroup).logStreamName(stream).logEvents(events));
        }
    }

    private void ensureStream(CloudWatchLogsClient logs, String group, String stream) {
        if (streams.add(group + "/" + stream)) {
            try {
                logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
            } catch (ResourceAlreadyExistsException e) {
                // Another writer made it first; the stream is what we want either way.
            }
        }
    }

    private static String line(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String template = LINES[random.nextInt(LINES.length)];
        return String.format(template, 1 + random.nextInt(30), at, 1 + random.nextInt(50), 5 + random.nextInt(400));
    }
}
