package dev.capstan.ops;

import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.lock.DeployLock;
import dev.capstan.ops.lock.ForceReleaseLock;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.runbook.RunbookFactory;
import dev.capstan.ops.scale.ScaleServiceFactory;
import dev.capstan.ops.task.OneOffTaskFactory;

/** What the two fronts, the console and the CLI, drive: the runner and the operations it runs. */
public record Operations(Runner runner, DeployLock lock, Targets targets, ScaleServiceFactory scale, OneOffTaskFactory tasks,
                         RegionData regionData, RestartFactory restart, RunbookFactory runbooks, BlueGreen blueGreen,
                         dev.capstan.ops.rolling.Rolling rolling, dev.capstan.ops.controller.Deploys deploys,
                         dev.capstan.ops.compose.ComposeImports compose, dev.capstan.ops.branch.BranchEnvironments branches) {
    public ForceReleaseLock forceReleaseLock(dev.capstan.domain.Environment environment) {
        return new ForceReleaseLock(environment, lock, targets);
    }
}
