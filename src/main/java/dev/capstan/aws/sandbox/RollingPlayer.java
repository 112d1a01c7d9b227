package dev.capstan.aws.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Plays ECS's rolling deployment for services of the ECS controller, which moto does not: when the service's revision changes it
 * starts tasks of the new one and stops tasks of others within the minimum healthy and maximum percent, stopping an old task only
 * once a new one has lived through a round (become healthy). Tasks of an image the sandbox treats as broken exit with code 1 a
 * round after they start, their last lines in their log; after ECS's failure threshold the circuit breaker sends the service
 * back to the revision that last rolled out completely, as ECS does with rollback on.
 */
final class RollingPlayer {
    private static final Logger LOG = LoggerFactory.getLogger(RollingPlayer.class);
    static final List<String> CRASH_LINES = List.of(
            "> node dist/main.js",
            "Error: Cannot find module '/usr/src/app/dist/main.js'",
            "    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)",
            "Node.js v20.11.1");
    private final DeploymentRules rules;
    private final Predicate<String> brokenImage;
    private final TaskEndings endings;
    private final TaskLines lines;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Boolean> brokenRevisions = new ConcurrentHashMap<>();

    /** What the player remembers of a service between rounds. */
    private static final class State {
        String settled;
        String failingRevision;
        int failures;
        Set<String> seen = new HashSet<>();
    }

    RollingPlayer(DeploymentRules rules, Predicate<String> brokenImage, TaskEndings endings, TaskLines lines) {
        this.rules = rules;
        this.brokenImage = brokenImage;
        this.endings = endings;
        this.lines = lines;
    }

    /** One round for one service; returns its live tasks (for its target groups). */
    List<Task> reconcile(EcsClient ecs, String cluster, Service service, List<Task> mine, String group) {
        String current = service.taskDefinition();
        int desired = service.desiredCount();
        State state = states.computeIfAbsent(service.serviceArn(), k -> new State());
        if (state.settled == null) {
            state.settled = current;
        }
        List<Task> fresh = new ArrayList<>(mine.stream().filter(t -> current.equals(t.taskDefinitionArn())).toList());
        List<Task> old = new ArrayList<>(mine.stream().filter(t -> !current.equals(t.taskDefinitionArn())).toList());
        if (broken(ecs, current)) {
            crash(ecs, cluster, fresh, state, current);
            if (rules.circuitBreaker() && state.failures >= DeploymentRules.failureThreshold(desired) && !current.equals(state.settled)) {
                LOG.info("Circuit breaker: {} failed {} tasks of {}; rolling back to {}", service.serviceName(), state.failures, current, state.settled);
                String back = state.settled;
                ecs.updateService(r -> r.cluster(cluster).service(service.serviceName()).taskDefinition(back));
                state.failures = 0;
                return mine.stream().filter(t -> !current.equals(t.taskDefinitionArn())).toList();
            }
        }
        List<Task> live = old.isEmpty() ? EcsScheduler.keepAt(ecs, cluster, service.serviceName(), fresh, desired, launch(service, group))
                : roll(ecs, cluster, service, fresh, old, state, group);
        if (old.isEmpty() && fresh.size() == desired && !broken(ecs, current)) {
            state.settled = current;
            state.failures = 0;
        }
        state.seen = new HashSet<>(live.stream().map(Task::taskArn).toList());
        return live;
    }

    private List<Task> roll(EcsClient ecs, String cluster, Service service, List<Task> fresh, List<Task> old, State state, String group) {
        int desired = service.desiredCount();
        long healthyFresh = fresh.stream().filter(t -> state.seen.contains(t.taskArn())).count();
        int stop = (int) Math.min(old.size(), Math.max(0, old.size() + healthyFresh - rules.minimumHealthy(desired)));
        for (int i = 0; i < stop; i++) {
            Task leaving = old.remove(old.size() - 1);
            ecs.stopTask(r -> r.cluster(cluster).task(leaving.taskArn()).reason("Scaling activity initiated by (deployment of "
                    + service.taskDefinition().substring(service.taskDefinition().lastIndexOf('/') + 1) + ")"));
        }
        int start = Math.min(desired - fresh.size(), rules.maximum(desired) - fresh.size() - old.size());
        if (start > 0) {
            List<Task> started = ecs.runTask(r -> launch(service, group).accept(r.cluster(cluster).count(start))).tasks();
            if (started.isEmpty()) {
                LOG.info("No room for a new task of {} in {}: unable to place a task", service.serviceName(), cluster);
            }
            fresh.addAll(started);
        }
        List<Task> live = new ArrayList<>(fresh);
        live.addAll(old);
        return live;
    }

    /** New tasks of a broken image that lived through a round exit 1, with a crash in their log. */
    private void crash(EcsClient ecs, String cluster, List<Task> fresh, State state, String revision) {
        if (!revision.equals(state.failingRevision)) {
            state.failingRevision = revision;
            state.failures = 0;
        }
        for (Task task : List.copyOf(fresh)) {
            if (!state.seen.contains(task.taskArn())) {
                continue;
            }
            CRASH_LINES.forEach(line -> lines.write(task, line));
            endings.exitWith(task.taskArn(), 1);
            ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()).reason(OneOffTaskPlayer.EXITED));
            fresh.remove(task);
            state.failures++;
        }
    }

    private boolean broken(EcsClient ecs, String revision) {
        return brokenRevisions.computeIfAbsent(revision, arn -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition()
                .containerDefinitions().stream().anyMatch(c -> brokenImage.test(c.image())));
    }

    private static java.util.function.Consumer<software.amazon.awssdk.services.ecs.model.RunTaskRequest.Builder> launch(Service service, String group) {
        return r -> r.taskDefinition(service.taskDefinition()).launchType(service.launchType()).networkConfiguration(service.networkConfiguration())
                .group(group).startedBy("capstan-sandbox");
    }
}
