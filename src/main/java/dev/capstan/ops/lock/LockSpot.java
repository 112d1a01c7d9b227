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
        String application = environment.service() != null ? environment.service() : environment.cluster();
        return Optional.of(new LockSpot(target, environment.lockTable(), application + "@" + environment.name()));
    }
}
