package dev.capstan.ops.bluegreen;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ImageReference;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.deploy.LocalCommand;
import dev.capstan.ops.deploy.RegisterRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The task-set blue/green deploy: read the active colour, remove the task sets that are neither PRIMARY nor this deploy's,
 * register the new revision, create its task set behind the idle colour, wait until it is stable and
 * healthy, swap the rules' priorities, make the new set PRIMARY, and check that the traffic did move.
 * Every step looks at live state first, so a resumed deploy ends as if the first had succeeded; the
 * originally PRIMARY set keeps running, ACTIVE, for a rollback.
 */
public final class BlueGreenDeploy implements Operation, OnBlueGreen {
    public static final String TYPE = "bluegreen.deploy";
    static final String FROM = "fromColour";
    static final String TO = "toColour";
    static final String ORIGINAL_PRIMARY = "originalPrimary";
    static final String BASE_TASK_DEFINITION = RegisterRevision.BASE_TASK_DEFINITION;
    static final String NEW_TASK_DEFINITION = LocalCommand.NEW_REVISION;
    static final String NEW_TASK_SET = "newTaskSet";

    private final Environment environment;
    private final Request request;
    private final String image;
    private final String revision;
    private final String container;
    private final Duration timeout;
    private final BlueGreenServices services;
    private final BlueGreenReader reader;
    private final List<String> warnings;

    /**
     * A deploy as confirmed.
     *
     * @param image     the whole image reference served
     * @param revision  a whole revision deployed as it is, or null to register one from the PRIMARY set's with {@code image}
     * @param container the container whose image is replaced
     */
    public record Request(String image, String revision, String container, Duration timeout) {
        public Request {
            revision = revision == null || revision.isBlank() ? null : revision;
            // Checked here too, so a request read back from a journal or a runbook passes the same gate as one typed.
            ImageReference.requireReference(image);
        }
    }

    BlueGreenDeploy(Environment environment, Request request, BlueGreenServices services, BlueGreenReader reader, List<String> warnings) {
        this.environment = environment;
        this.request = request;
        this.image = request.image();
        this.revision = request.revision();
        this.container = request.container();
        this.timeout = request.timeout();
        this.services = services;
        this.reader = reader;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Deploy " + image.substring(image.lastIndexOf('/') + 1) + " to " + environment.name() + " (blue/green)";
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
        List<Step> steps = new ArrayList<>();
        steps.addAll(LocalCommand.preDeploy(environment, image));
        steps.add(new ReadColours(this));
        steps.add(new RemoveStaleSets(this));
        steps.add(new RegisterRevision(new RegisterRevision.Revision(image, revision, container), this::target, services.taskSets(),
                services.taskDefinitions(), () -> reader().read(environment).primary().map(s -> s.taskDefinition()).orElse("?")));
        if (environment.deployment().migrate() != null) {
            steps.add(services.tasks().migration(environment, environment.deployment().migrate(), NEW_TASK_DEFINITION, timeout));
        }
        steps.add(new CreateTaskSet(this));
        steps.add(new WaitUntilStable(this));
        steps.add(new SwapTraffic(this, FROM, TO));
        steps.add(new MakePrimary(this, NEW_TASK_SET));
        steps.addAll(LocalCommand.postDeploy(environment, image));
        steps.add(new VerifyTraffic(this, TO, NEW_TASK_SET));
        return steps;
    }

    @Override
    public AwsTarget target() {
        return services.targets().of(environment);
    }

    @Override
    public BlueGreenServices services() {
        return services;
    }

    @Override
    public BlueGreenReader reader() {
        return reader;
    }

    String image() {
        return image;
    }

    /** The whole revision asked for, or null. */
    String revision() {
        return revision;
    }

    String container() {
        return container;
    }

    Duration timeout() {
        return timeout;
    }
}
