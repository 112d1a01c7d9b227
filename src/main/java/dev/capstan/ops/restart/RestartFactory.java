package dev.capstan.ops.restart;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.GroupCapacity;
import dev.capstan.domain.ScalingGroup;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.logs.LogSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds rolling restarts: works out the defaults from the live service (the suggested count, the group
 * to raise), checks a request before anything is planned, and pins what it worked out into the
 * operation's parameters so a resumed run does what was confirmed.
 */
public final class RestartFactory {
    private final RestartServices services;
    private final RestartWatch watch;
    private final OperationType<RestartRequest> restart;

    public RestartFactory(RestartServices services) {
        this.services = services;
        this.watch = new RestartWatch(services);
        this.restart = OperationType.declare(RollingRestart.TYPE, RestartRequest.class)
                .summary("Replace every task of the service with a new one: count up, wait until the new tasks are healthy, "
                        + "stop the old ones, count back.")
                .parameter(Parameter.optional("service", "The service to restart (default: the environment's)."))
                .parameter(Parameter.optional("count", "Tasks side by side while old and new run (default: twice today's, "
                        + "as many as the group holds at its maximum)."))
                .parameter(Parameter.optional("health-log-pattern", "A term each new task must log before it counts as healthy, "
                        + "such as HealthCheckService."))
                .parameter(Parameter.withDefault("timeout", "How long each wait may take.", "30m"))
                .parameter(Parameter.withDefault("leave-group", "Leave the auto scaling group at its maximum afterwards, "
                        + "for its own policies to shrink.", "false"))
                .fromWords((env, w) -> restart(env.withService(w.optional("service").orElse(env.service())), w.optionalCount("count").orElse(null),
                        w.textOrNull("health-log-pattern"), w.duration("timeout"), !w.flag("leave-group")))
                .rebuild(this::rebuild);
    }

    public OperationType<RestartRequest> declaration() {
        return restart;
    }

    /** A read-only view of a service under restart, for the console's live picture. */
    public RestartWatch watch() {
        return watch;
    }

    public RestartDefaults defaults(Environment environment) {
        String service = requireService(environment);
        AwsTarget target = services.targets().of(environment);
        ServiceStatus status = services.ecs().service(target, environment.cluster(), service);
        int running = services.ecs().serviceTasks(target, environment.cluster(), service).size();
        List<String> notes = new ArrayList<>();
        Optional<ScalingGroup> group = Optional.empty();
        Optional<Integer> holds = Optional.empty();
        if ("FARGATE".equals(status.launchType())) {
            if (environment.autoScalingGroup() != null) {
                notes.add(service + " runs on Fargate: auto scaling group " + environment.autoScalingGroup() + " is left alone.");
            }
        } else if (environment.autoScalingGroup() == null) {
            notes.add("The workspace names no autoScalingGroup for " + environment.name()
                    + ": the new tasks must fit on the instances already in the cluster.");
        } else {
            ScalingGroup g = services.autoScaling().group(target, environment.autoScalingGroup());
            group = Optional.of(g);
            holds = GroupCapacity.perInstance(services.taskDefinitions().revision(target, status.taskDefinition()),
                    services.ecs().containerInstances(target, environment.cluster())).map(perInstance -> perInstance * g.maxSize());
        }
        int doubled = Math.max(1, 2 * status.desiredCount());
        int suggested = holds.map(h -> Math.min(doubled, h)).orElse(doubled);
        return new RestartDefaults(service, status.launchType(), status.desiredCount(), running, group, holds, suggested, notes);
    }

    /**
     * @param count null for the suggested count
     * @throws IllegalArgumentException with what to fix when the request cannot work
     */
    public RollingRestart restart(Environment environment, Integer count, String healthLogPattern, Duration timeout, boolean restoreGroup) {
        RestartDefaults defaults = defaults(environment);
        if (defaults.desiredCount() == 0 && defaults.runningTasks() == 0) {
            throw new IllegalArgumentException(defaults.service() + " on " + environment.name()
                    + " runs no tasks and wants none: there is nothing to restart.");
        }
        int wanted = count == null ? defaults.suggestedCount() : count;
        if (wanted <= defaults.runningTasks()) {
            String room = defaults.groupHolds().map(h -> " (the group at its maximum holds " + h + ")").orElse("");
            throw new IllegalArgumentException("A restart needs room for new tasks beside the " + defaults.runningTasks()
                    + " running now: give a count above " + defaults.runningTasks() + room + ".");
        }
        List<String> warnings = new ArrayList<>(defaults.notes());
        defaults.groupHolds().filter(h -> wanted > h).ifPresent(h -> warnings.add("The group at its maximum holds about " + h
                + " tasks; ECS may not find room for " + wanted + " and the wait would time out."));
        int fresh = wanted - defaults.runningTasks();
        if (fresh < defaults.desiredCount()) {
            warnings.add("Only " + fresh + " new tasks carry the traffic once the old ones stop, until ECS starts the rest.");
        }
        if (healthLogPattern != null && !healthLogPattern.isBlank()) {
            requireTaskStreams(environment);
        }
        String group = defaults.group().map(ScalingGroup::name).orElse(null);
        RestartRequest request = new RestartRequest(defaults.service(), wanted, healthLogPattern, timeout, restoreGroup, group);
        return new RollingRestart(environment, request, services, watch, warnings);
    }

    /** A health log pattern is looked for in each task's own stream, which needs awslogs with a stream prefix. */
    private void requireTaskStreams(Environment environment) {
        LogSource source = services.logSources().service(environment, environment.service());
        if (source.streamPrefix() == null) {
            throw new IllegalArgumentException("The service's container logs to " + source.group()
                    + " without an awslogs-stream-prefix, so a task's lines cannot be told apart; leave the health log pattern empty.");
        }
    }

    private static String requireService(Environment environment) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; add service: to it in the workspace.");
        }
        return environment.service();
    }

    /** Puts back the counts a cancelled or failed restart run journaled. */
    public PutCountsBack putBack(dev.capstan.ops.RunRecord restart, Environment environment) {
        return PutCountsBack.after(restart, environment, services, this.restart.defaultDuration("timeout"));
    }

    /** The operation types this one builds: the restart, and the put-back after one. */
    public List<OperationType<?>> declarations() {
        return List.of(restart, PutCountsBack.declaration(services, restart.defaultDuration("timeout")));
    }

    private RollingRestart rebuild(Environment environment, RestartRequest request) {
        return new RollingRestart(environment.withService(request.service()), request, services, watch, List.of());
    }
}
