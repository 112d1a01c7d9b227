package dev.capstan.testworld;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.domain.Environment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The service's app as it logs when it starts: every task of the service that reaches RUNNING after this
 * began writes one start-up line into its own awslogs stream ({@code app/<container>/<task id>}), once.
 * Tasks already running when it began are left silent, as if they ran a build that never logged it. On a
 * timer with clients of its own, so what it sends does not count among the requests a test's fault
 * injector sees.
 */
public final class StartupLog implements AutoCloseable {
    private final AwsClients clients;
    private final Environment environment;
    private final String line;
    private final Set<String> silent = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-startup-log");
        thread.setDaemon(true);
        return thread;
    });

    private StartupLog(MotoWorld moto, Environment environment, String line) {
        this.clients = new AwsClients(moto.catalog(), AwsClientSettings.forLocalStandIn());
        this.environment = environment;
        this.line = line;
        serviceTasks(clients.ecs(moto.target())).forEach(t -> silent.add(t.taskArn()));
        timer.scheduleWithFixedDelay(() -> {
            try {
                writeOnce(moto);
            } catch (RuntimeException e) {
                // The next round tries again; a task's line is written once it gets through.
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
    }

    public static StartupLog start(MotoWorld moto, Environment environment, String line) {
        return new StartupLog(moto, environment, line);
    }

    private List<Task> serviceTasks(EcsClient ecs) {
        List<String> arns = ecs.listTasks(r -> r.cluster(environment.cluster()).desiredStatus("RUNNING")).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(environment.cluster()).tasks(arns)).tasks().stream()
                .filter(t -> ("service:" + environment.service()).equals(t.group())).toList();
    }

    private void writeOnce(MotoWorld moto) {
        CloudWatchLogsClient logs = clients.logs(moto.target());
        for (Task task : serviceTasks(clients.ecs(moto.target()))) {
            if (!"RUNNING".equals(task.lastStatus()) || silent.contains(task.taskArn()) || written.contains(task.taskArn())) {
                continue;
            }
            String stream = "app/" + environment.container() + "/" + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
            try {
                logs.createLogStream(r -> r.logGroupName(environment.logGroup()).logStreamName(stream));
            } catch (ResourceAlreadyExistsException e) {
                // A line of this task's was written before; the stream is the one we want.
            }
            logs.putLogEvents(r -> r.logGroupName(environment.logGroup()).logStreamName(stream)
                    .logEvents(e -> e.timestamp(System.currentTimeMillis()).message(line)));
            written.add(task.taskArn());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        clients.close();
    }
}
