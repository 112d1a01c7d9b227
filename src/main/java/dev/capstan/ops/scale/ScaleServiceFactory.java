package dev.capstan.ops.scale;

import dev.capstan.aws.EcsGateway;
import dev.capstan.domain.Environment;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.Targets;
import java.time.Clock;
import java.time.Duration;

/** Scales the environment's service; {@link #declaration()} is the operation type the catalogue and the fronts read. */
public final class ScaleServiceFactory {
    private final EcsGateway ecs;
    private final Targets targets;
    private final Clock clock;
    private final OperationType<ScaleRequest> declaration;

    /** @param clock what the wait for the tasks is measured by */
    public ScaleServiceFactory(EcsGateway ecs, Targets targets, Clock clock) {
        this.ecs = ecs;
        this.targets = targets;
        this.clock = clock;
        this.declaration = OperationType.declare(ScaleService.TYPE, ScaleRequest.class)
                .summary("Set the service's desired count and wait until that many tasks run.")
                .parameter(Parameter.required("count", "The desired count."))
                .parameter(Parameter.withDefault("timeout", "How long to wait for the tasks, such as 90s or 10m.", "10m"))
                .fromWords((env, words) -> scale(env, words.count("count"), words.duration("timeout")))
                .rebuild(this::scale);
    }

    public OperationType<ScaleRequest> declaration() {
        return declaration;
    }

    public ScaleService scale(Environment environment, int count, Duration timeout) {
        return scale(environment, new ScaleRequest(count, timeout));
    }

    public ScaleService scale(Environment environment, ScaleRequest request) {
        return new ScaleService(environment, request, ecs, targets, clock);
    }
}
