package dev.capstan.ops.task;

import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A deploy's migration, or a branch environment's seed: one task of the new revision with the workspace's command, started and
 * watched to its exit code with its lines, before any traffic can reach the revision. A non-zero exit fails the step (and so
 * the run) with the task's reason, exit codes and last lines. The task's ARN is journaled and the task carries the run's id,
 * so a resumed run watches the same task again and never starts a second.
 */
final class TaskBeforeTraffic implements Step {
    /** What the task is for, in the step's id and its sentences: a deploy's migration, or the seed of a branch environment. */
    record Purpose(String id, String noun, String stops) {
        static final Purpose MIGRATION = new Purpose("migrate", "migration", "the deploy");
        static final Purpose SEED = new Purpose("seed", "seed", "the branch environment's creation");
    }

    private final Purpose purpose;
    private final Environment environment;
    private final DeploySettings.Migration migration;
    private final String revisionFact;
    private final Duration timeout;
    private final OneOffTaskFactory tasks;
    private final TaskRunServices services;

    TaskBeforeTraffic(Purpose purpose, Environment environment, DeploySettings.Migration migration, String revisionFact, Duration timeout,
                           OneOffTaskFactory tasks, TaskRunServices services) {
        this.purpose = purpose;
        this.environment = environment;
        this.migration = migration;
        this.revisionFact = revisionFact;
        this.timeout = timeout;
        this.tasks = tasks;
        this.services = services;
    }

    @Override
    public String id() {
        return purpose.id();
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.change("Run the " + purpose.noun() + " from the new revision before any traffic reaches it: one task, container "
                + named() + " running " + TaskRunRequest.commandJson(command()) + ", watched to its exit code (at most "
                + timeout.toMinutes() + " min); a non-zero exit stops " + purpose.stops() + " here", "no " + purpose.noun() + " task", "exit code 0");
    }

    @Override
    public String run(StepContext context) throws Exception {
        String revision = context.fact(revisionFact).orElseThrow(() -> new IllegalStateException("The journal holds no new revision to migrate from."));
        TaskRunDefaults defaults = tasks.defaults(environment, null, revision);
        OneOffTask task = new OneOffTask(environment, new TaskRunRequest(defaults.service(), revision,
                migration.container() != null ? migration.container() : defaults.container(), command(), Map.of(),
                defaults.subnets(), defaults.securityGroups(), defaults.assignPublicIp(), true, timeout), services);
        context.log(new StartTask(task).run(context));
        String watched = new WatchTask(task).run(context);
        return Character.toUpperCase(purpose.noun().charAt(0)) + purpose.noun().substring(1) + " from "
                + TaskDefinitionNames.familyRevision(revision) + ": " + watched;
    }

    private String named() {
        return migration.container() != null ? migration.container() : environment.container() != null ? environment.container()
                : "(the revision's first essential one)";
    }

    private List<String> command() {
        return CommandWords.split(migration.command(), CommandSyntax.AUTO);
    }
}
