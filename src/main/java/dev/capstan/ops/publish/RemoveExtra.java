package dev.capstan.ops.publish;

import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/** For an exact mirror: removes the destination's objects that the source does not have, each listed in the plan. */
final class RemoveExtra implements Step {
    private final Transfer transfer;

    RemoveExtra(Transfer transfer) {
        this.transfer = transfer;
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
        CopyDiff diff = transfer.diff();
        return new StepPreview("Remove the " + Sizes.count(diff.extra().size()) + " objects of " + transfer.to() + " that " + transfer.from()
                + " does not have (exact mirror)", Sizes.count(diff.extra().size()) + " extra", "0 extra", CopyDiff.lines(diff.extra()));
    }

    @Override
    public String run(StepContext context) {
        CopyDiff diff = transfer.diff();
        transfer.services().s3().delete(transfer.target().get(), transfer.to(), diff.extra().stream().map(S3ObjectInfo::key).toList());
        return "Removed " + Sizes.count(diff.extra().size()) + " objects from " + transfer.to();
    }
}
