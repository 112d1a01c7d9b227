package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Copies every object of one location to another, server-side, skipping those already there with the
 * same size and ETag: so a resumed run copies only what the interrupted one had not.
 */
final class CopyObjects implements Step {
    private final String id;
    private final Transfer transfer;
    private final SourceMemo memo;

    CopyObjects(String id, Transfer transfer, SourceMemo memo) {
        this.id = id;
        this.transfer = transfer;
        this.memo = memo;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        CopyDiff diff = diff(true);
        int total = diff.toCopy().size() + diff.alreadyThere();
        return new StepPreview("Copy " + Sizes.count(diff.toCopy().size(), "object", "objects") + " (" + Sizes.bytes(diff.bytesToCopy()) + ") from " + from()
                + " to " + to() + ", server-side" + (diff.alreadyThere() > 0 ? "; " + Sizes.count(diff.alreadyThere()) + " already there are skipped" : ""),
                Sizes.count(diff.alreadyThere()) + " of " + Sizes.count(total) + " there", Sizes.count(total) + " of " + Sizes.count(total) + " there",
                CopyDiff.lines(diff.toCopy()));
    }

    @Override
    public String run(StepContext context) throws InterruptedException {
        CopyDiff diff = diff(false);
        if (diff.alreadyThere() > 0) {
            context.log(Sizes.count(diff.alreadyThere()) + " objects are already at " + to() + " with the same size and ETag; they are not copied again");
        }
        new ObjectCopier(transfer.services()).copy(transfer.target().get(), from(), to(), diff.toCopy(), context);
        return "Copied " + Sizes.count(diff.toCopy().size(), "object", "objects") + " (" + Sizes.bytes(diff.bytesToCopy()) + ") from " + from() + " to " + to()
                + (diff.alreadyThere() > 0 ? "; " + Sizes.count(diff.alreadyThere()) + " were already there" : "");
    }

    private S3Uri from() {
        return transfer.from();
    }

    private S3Uri to() {
        return transfer.to();
    }

    /** Lists both sides at once: two round trips in the time of one. */
    private CopyDiff diff(boolean planning) {
        AwsTarget t = transfer.target().get();
        transfer.services().s3().requireBucket(t, from().bucket());
        if (!to().bucket().equals(from().bucket())) {
            transfer.services().s3().requireBucket(t, to().bucket());
        }
        CompletableFuture<S3Listing> destination = CompletableFuture.supplyAsync(transfer::listTo);
        S3Listing source = transfer.listFrom();
        if (source.isEmpty() && planning) {
            throw new IllegalArgumentException(from() + " holds no objects; check the URI: it should name the prefix the region's files are under.");
        }
        if (!planning) {
            memo.remember(source);
        }
        try {
            return CopyDiff.of(source, destination.join(), transfer.multipartThreshold());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
