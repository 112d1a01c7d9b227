package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.Supplier;

/** For an exact mirror: removes the destination's objects that the source does not have, each listed in the plan. */
final class RemoveExtra implements Step {
    private final S3Uri from;
    private final S3Uri to;
    private final PublishServices services;
    private final Supplier<AwsTarget> target;

    RemoveExtra(S3Uri from, S3Uri to, PublishServices services, Supplier<AwsTarget> target) {
        this.from = from;
        this.to = to;
        this.services = services;
        this.target = target;
    }

    @Override
    public String id() {
        return "remove-extra";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        CopyDiff diff = diff();
        return new StepPreview("Remove the " + Sizes.count(diff.extra().size()) + " objects of " + to + " that " + from
                + " does not have (exact mirror)", Sizes.count(diff.extra().size()) + " extra", "0 extra", CopyDiff.lines(diff.extra()));
    }

    @Override
    public String run(StepContext context) {
        CopyDiff diff = diff();
        services.s3().delete(target.get(), to, diff.extra().stream().map(S3ObjectInfo::key).toList());
        return "Removed " + Sizes.count(diff.extra().size()) + " objects from " + to;
    }

    private CopyDiff diff() {
        return CopyDiff.of(services.s3().list(target.get(), from), services.s3().list(target.get(), to), services.s3().multipartThreshold());
    }
}
