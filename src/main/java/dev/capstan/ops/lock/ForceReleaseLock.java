package dev.capstan.ops.lock;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LockRecord;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.Targets;
import java.util.List;
import java.util.Optional;

/**
 * Frees an environment's deploy lock whoever holds it: for the rare lock left by a process that died
 * where its journal is not (another machine). It runs on the engine so the release is journaled.
 */
public final class ForceReleaseLock implements Operation {
    public static final String TYPE = "lock.release";
    private final Environment environment;
    private final DeployLock lock;
    private final Targets targets;

    public ForceReleaseLock(Environment environment, DeployLock lock, Targets targets) {
        if (environment.lockTable() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no lockTable, so it has no deploy lock to release.");
        }
        this.environment = environment;
        this.lock = lock;
        this.targets = targets;
    }

    /** It asks for nothing: the environment says which lock. */
    public record Request() {
    }

    /** Started from the lock's own CLI command and Activity, never by name from a runbook; it must not wait for the very lock it frees. */
    public static OperationType<Request> declaration(DeployLock lock, Targets targets) {
        return OperationType.declare(TYPE, Request.class)
                .summary("Free the environment's deploy lock whoever holds it, journaled.")
                .withoutDeployLock()
                .rebuild((environment, request) -> new ForceReleaseLock(environment, lock, targets));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Force-release the deploy lock of " + spot().key();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return new Request();
    }

    @Override
    public List<String> warnings() {
        return List.of("If the holder is still running, it loses the lock and stops at its next heartbeat; "
                + "release only a lock whose process you know is gone.");
    }

    @Override
    public List<Step> steps() {
        return List.of(new Release());
    }

    private LockSpot spot() {
        return LockSpot.of(environment, targets.of(environment)).orElseThrow();
    }

    private static String describe(LockRecord held) {
        return "held by " + held.owner() + " for run " + held.runId() + " (" + held.operation() + ") since " + held.acquiredAt();
    }

    private final class Release implements Step {
        @Override
        public String id() {
            return "release";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            Optional<LockRecord> held = lock.status(spot());
            return held.map(h -> StepPreview.change("Delete the deploy lock " + h.key() + ", " + describe(h), describe(h), "free"))
                    .orElseGet(() -> StepPreview.change("The deploy lock " + spot().key() + " is free; nothing to release", "free", "free"));
        }

        @Override
        public String run(StepContext context) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Optional<LockRecord> held = lock.status(spot());
                if (held.isEmpty()) {
                    return "The deploy lock was free";
                }
                context.rememberOnce("releasedLock", describe(held.get()));
                if (lock.forceRelease(spot(), held.get())) {
                    return "Released the deploy lock, " + describe(held.get());
                }
            }
            throw new IllegalStateException("The lock changed twice while it was being released: its holder is alive and heartbeating. "
                    + "Cancel that run instead.");
        }
    }
}
