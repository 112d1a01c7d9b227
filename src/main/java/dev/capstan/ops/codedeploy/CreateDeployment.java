package dev.capstan.ops.codedeploy;

import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.DeploySettings;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.domain.TaskSetInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import dev.capstan.ops.deploy.LocalCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateDeployment with an AppSpec naming the new revision, the container and port the service's load balancer sends traffic
 * to, and the hooks (the workspace's, else those of the group's latest deployment). Made once: the deployment's id is
 * journaled, and a deploy resumed before that write finds its deployment by the run id in its description.
 */
final class CreateDeployment implements Step {
    private static final int RECENT = 20;
    private final CodeDeployRelease deploy;

    CreateDeployment(CodeDeployRelease deploy) {
        this.deploy = deploy;
    }

    @Override
    public String id() {
        return "create-deployment";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        CodeDeployGroup group = deploy.group().read(deploy.services(), deploy.target());
        Map<String, String> hooks = hooks(group);
        return StepPreview.of("Create a deployment in CodeDeploy " + group.label() + " (" + group.config() + ") of the new revision"
                + (hooks.isEmpty() ? ", with no hooks" : ", with the hooks " + hooks) + (group.waitsForApproval()
                ? "; it waits up to " + group.approvalWait().toMinutes() + " min for someone to reroute traffic" : ""));
    }

    @Override
    public String run(StepContext context) {
        Optional<String> made = context.fact(CodeDeployRelease.DEPLOYMENT);
        if (made.isPresent()) {
            return "Created earlier: " + made.get();
        }
        CodeDeployGroup group = deploy.group().read(deploy.services(), deploy.target());
        String description = "Capstan run " + context.runId() + ": " + deploy.title();
        List<CodeDeployment> recent = deploy.services().codeDeploy().recent(deploy.target(), group, RECENT);
        Optional<CodeDeployment> mine = recent.stream().filter(d -> description.equals(d.description())).findFirst();
        if (mine.isPresent()) {
            context.rememberOnce(CodeDeployRelease.DEPLOYMENT, mine.get().id());
            return "Found " + mine.get().id() + ", made before the interruption";
        }
        recent.stream().filter(CodeDeployment::active).findFirst().ifPresent(busy -> {
            throw new IllegalStateException("CodeDeploy is deploying to " + group.label() + " already: " + busy.id() + " (" + busy.status()
                    + "). Wait for it, approve it, or stop it (capstan deploy stop --env " + deploy.environment().name() + "), then deploy again.");
        });
        String revision = context.fact(LocalCommand.NEW_REVISION).orElseThrow();
        TaskSetInfo serving = Serving.primary(deploy.services(), deploy.target(), deploy.environment());
        if (serving.containerPort() == null) {
            throw new IllegalStateException(deploy.environment().service() + "'s PRIMARY task set names no container port behind its load "
                    + "balancer; CodeDeploy needs one to move traffic.");
        }
        String appSpec = AppSpec.of(revision, deploy.request().container(), serving.containerPort(), hooks(group, recent));
        String id = deploy.services().codeDeploy().create(deploy.target(), group, appSpec, description);
        context.rememberOnce(CodeDeployRelease.DEPLOYMENT, id);
        return "CodeDeploy deployment " + id + " of " + TaskDefinitionNames.familyRevision(revision) + " created in " + group.label();
    }

    private Map<String, String> hooks(CodeDeployGroup group) {
        return hooks(group, deploy.services().codeDeploy().recent(deploy.target(), group, RECENT));
    }

    /** The workspace's hooks, else those the group's latest deployment ran (a pipeline's AppSpec usually names them). */
    private Map<String, String> hooks(CodeDeployGroup group, List<CodeDeployment> recent) {
        DeploySettings.CodeDeploy settings = deploy.environment().deployment().codeDeploy();
        if (settings != null && !settings.hooks().isEmpty()) {
            return settings.hooks();
        }
        return recent.stream().filter(d -> !CodeDeploys.ROLLBACK_CREATOR.equals(d.creator())).findFirst().map(CodeDeployment::hooks).orElse(Map.of());
    }
}
