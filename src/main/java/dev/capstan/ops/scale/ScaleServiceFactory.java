package dev.capstan.ops.scale;

import dev.capstan.aws.EcsGateway;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationFactory;
import dev.capstan.ops.Targets;
import java.time.Duration;
import java.util.Map;

public final class ScaleServiceFactory implements OperationFactory {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private final EcsGateway ecs;
    private final Targets targets;

    public ScaleServiceFactory(EcsGateway ecs, Targets targets) {
        this.ecs = ecs;
        this.targets = targets;
    }

    @Override
    public String type() {
        return ScaleService.TYPE;
    }

    public ScaleService scale(Environment environment, int count, Duration timeout) {
        return new ScaleService(environment, count, timeout, ecs, targets);
    }

    @Override
    public Operation create(Environment environment, Map<String, String> parameters) {
        return scale(environment, Integer.parseInt(parameters.get("count")),
                Duration.ofSeconds(Long.parseLong(parameters.getOrDefault("timeoutSeconds", Long.toString(DEFAULT_TIMEOUT.toSeconds())))));
    }
}
