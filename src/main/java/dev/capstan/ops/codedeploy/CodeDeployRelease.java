package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ImageReference;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.deploy.ImageChoice;
import dev.capstan.ops.deploy.LocalCommand;
import dev.capstan.ops.deploy.RegisterRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deploy through CodeDeploy: register the new revision from the one the service serves (or take a whole revision as it is),
 * run the migration from it, create a CodeDeploy deployment whose AppSpec names it, and watch CodeDeploy move the traffic
 * until it says Succeeded and the replacement task set serves behind healthy targets, or until the deployment fails, is
 * stopped or is rolled back. A rollback is the same deploy of a revision the service ran well before. Every step looks at
 * live state first, so a resumed deploy ends as if the first had succeeded.
 */
public final class CodeDeployRelease implements Operation {
    public static final String TYPE = "codedeploy.deploy";
    public static final String ROLLBACK_TYPE = "codedeploy.rollback";
    /** The CodeDeploy deployment this run made (or approved, or stopped). */
    public static final String DEPLOYMENT = "codeDeployDeployment";

    /**
     * A deploy as confirmed.
     *
     * @param image       the whole image reference served
     * @param revision    a whole revision deployed as it is, or null to register one from the serving one with {@code image}
     * @param container   the container whose image is replaced, and that the load balancer sends traffic to
     * @param application the CodeDeploy application and {@code group} its deployment group
     */
    public record Request(String image, String revision, String container, Duration timeout, String application, String group) {
        public Request {
            revision = revision == null || revision.isBlank() ? null : revision;
            // Checked here too, so a request read back from a journal or a runbook passes the same gate as one typed.
            ImageReference.requireReference(image);
        }
    }

    private final Environment environment;
    private final Request request;
    private final boolean rollback;
    private final CodeDeployServices services;
    private final List<String> warnings;

    CodeDeployRelease(Environment environment, Request request, boolean rollback, CodeDeployServices services, List<String> warnings) {
        this.environment = environment;
        this.request = request;
        this.rollback = rollback;
        this.services = services;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String type() {
        return rollback ? ROLLBACK_TYPE : TYPE;
    }

    @Override
    public String title() {
        return rollback ? "Roll back " + environment.name() + " to " + TaskDefinitionNames.familyRevision(request.revision()) + " ("
                + ImageChoice.shortName(request.image()) + ") through CodeDeploy"
                : "Deploy " + ImageChoice.shortName(request.image()) + " to " + environment.name() + " (CodeDeploy)";
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(LocalCommand.preDeploy(environment, request.image()));
        steps.add(new ReadServing(this));
        steps.add(new RegisterRevision(new RegisterRevision.Revision(request.image(), request.revision(), request.container()), this::target,
                services.taskSets(), services.taskDefinitions(), () -> Serving.primary(services, target(), environment).taskDefinition()));
        if (!rollback && environment.deployment().migrate() != null) {
            steps.add(services.tasks().migration(environment, environment.deployment().migrate(), LocalCommand.NEW_REVISION, request.timeout()));
        }
        steps.add(new CreateDeployment(this));
        steps.add(new WatchDeployment(environment, services, this::target, group(), context -> context.fact(DEPLOYMENT).orElseThrow(),
                request.timeout()));
        steps.addAll(LocalCommand.postDeploy(environment, request.image()));
        return steps;
    }

    AwsTarget target() {
        return services.targets().of(environment);
    }

    CodeDeployServices services() {
        return services;
    }

    /** The deployment group as named in the request: read when a step needs it, not when the plan is rebuilt. */
    GroupRef group() {
        return new GroupRef(request.application(), request.group());
    }
}
