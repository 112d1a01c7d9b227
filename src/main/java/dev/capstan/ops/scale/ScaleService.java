package dev.capstan.ops.scale;

import dev.capstan.aws.EcsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.Targets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sets an environment's service to a number of tasks and waits until ECS runs that many: the simplest
 * change an on-call engineer makes, and the engine's plainest operation.
 */
public final class ScaleService implements Operation {
    public static final String TYPE = "service.scale";
    static final Duration POLL = Duration.ofSeconds(2);

    private final Environment environment;
    private final ScaleRequest request;
    private final int count;
    private final Duration timeout;
    private final EcsGateway ecs;
    private final Targets targets;
    private final Clock clock;

    ScaleService(Environment environment, ScaleRequest request, EcsGateway ecs, Targets targets, Clock clock) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; add service: to it in the workspace.");
        }
        this.environment = environment;
        this.request = request;
        this.count = request.count();
        this.timeout = request.timeout();
        this.ecs = ecs;
        this.targets = targets;
        this.clock = clock;
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
    public ScaleRequest request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        return List.of(new ReadCounts(this), new SetDesiredCount(this), new WaitUntilRunning(this));
    }

    AwsTarget target() {
        return targets.of(environment);
    }

    ServiceStatus service() {
        return ecs.service(target(), environment.cluster(), environment.service());
    }

    EcsGateway ecs() {
        return ecs;
    }

    int count() {
        return count;
    }

    Duration timeout() {
        return timeout;
    }

    Clock clock() {
        return clock;
    }
}
