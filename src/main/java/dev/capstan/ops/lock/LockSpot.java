package dev.capstan.ops.lock;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import java.util.Optional;

/** Where one deploy lock lives: the table the workspace names, and the key for (application, environment). */
public record LockSpot(AwsTarget target, String table, String key) {
    /** Empty when the environment names no lock table. */
    public static Optional<LockSpot> of(Environment environment, AwsTarget target) {
        if (environment.lockTable() == null) {
            return Optional.empty();
        }
        return Optional.of(new LockSpot(target, environment.lockTable(), guarded(environment) + "@" + environment.name()));
    }

    /** What one deploy lock of an environment guards: the service a run changes, else the environment's cluster. */
    public static String guarded(Environment environment) {
        return environment.service() != null ? environment.service() : environment.cluster();
    }
}
