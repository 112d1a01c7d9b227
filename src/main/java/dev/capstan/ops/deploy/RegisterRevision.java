package dev.capstan.ops.deploy;

import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.aws.TaskSetGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.Supplier;

/**
 * The new revision of a deploy: the one the service ran (journaled as {@link #BASE_TASK_DEFINITION} by an earlier step), with
 * the container's image replaced, or a whole revision asked for, taken as it is. Registered once: the revision is journaled as
 * {@link LocalCommand#NEW_REVISION}, so a resumed deploy never registers a second.
 */
public final class RegisterRevision implements Step {
    /** The revision the service ran before the deploy: what a rollback of it goes back to. */
    public static final String BASE_TASK_DEFINITION = "baseTaskDefinition";

    /**
     * @param image     the whole image reference served
     * @param revision  a whole revision deployed as it is, or null to register one with {@code image}
     * @param container the container whose image is replaced
     */
    public record Revision(String image, String revision, String container) {
    }

    private final Revision wanted;
    private final Supplier<AwsTarget> target;
    private final TaskSetGateway revisions;
    private final TaskDefinitionReader taskDefinitions;
    private final Supplier<String> liveBase;

    /** @param liveBase what the service runs now, for the plan's preview (before the base is journaled) */
    public RegisterRevision(Revision wanted, Supplier<AwsTarget> target, TaskSetGateway revisions, TaskDefinitionReader taskDefinitions,
                            Supplier<String> liveBase) {
        this.wanted = wanted;
        this.target = target;
        this.revisions = revisions;
        this.taskDefinitions = taskDefinitions;
        this.liveBase = liveBase;
    }

    @Override
    public String id() {
        return "register-revision";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        if (wanted.revision() != null) {
            return StepPreview.of("Deploy the existing revision " + TaskDefinitionNames.familyRevision(wanted.revision()) + " as it is ("
                    + wanted.image() + "); nothing is registered");
        }
        String base = liveBase.get();
        String before = taskDefinitions.revision(target.get(), base).containers().stream().filter(c -> c.name().equals(wanted.container()))
                .map(TaskDefRevision.Container::image).findFirst().orElse("?");
        return StepPreview.change("Register a new revision of " + TaskDefinitionNames.familyRevision(base) + " with " + wanted.container() + " on "
                + wanted.image(), ImageChoice.shortName(before), ImageChoice.shortName(wanted.image()));
    }

    @Override
    public String run(StepContext context) {
        String made = context.fact(LocalCommand.NEW_REVISION).orElse(null);
        if (made != null) {
            return "Registered earlier: " + TaskDefinitionNames.familyRevision(made);
        }
        if (wanted.revision() != null) {
            context.rememberOnce(LocalCommand.NEW_REVISION, wanted.revision());
            return "Deploys " + TaskDefinitionNames.familyRevision(wanted.revision()) + " as it is";
        }
        String base = context.fact(BASE_TASK_DEFINITION).orElseThrow();
        String arn = revisions.registerWithImage(target.get(), base, wanted.container(), wanted.image());
        context.rememberOnce(LocalCommand.NEW_REVISION, arn);
        return "Registered " + TaskDefinitionNames.familyRevision(arn);
    }
}
