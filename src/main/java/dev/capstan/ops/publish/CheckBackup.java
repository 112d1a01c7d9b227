package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.Supplier;

/**
 * Refuses to overwrite a location unless a backup of it, as it is now, exists: every object of the
 * location is in the backup with the same size and ETag. Checked live, at plan time and again before the copy.
 */
final class CheckBackup implements Step {
    private final S3Uri backup;
    private final S3Uri of;
    private final PublishServices services;
    private final Supplier<AwsTarget> target;

    CheckBackup(S3Uri backup, S3Uri of, PublishServices services, Supplier<AwsTarget> target) {
        this.backup = backup;
        this.of = of;
        this.services = services;
        this.target = target;
    }

    @Override
    public String id() {
        return "check-backup";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        check();
        return StepPreview.of("Check that " + backup + " is a verified backup of " + of + " as it is now");
    }

    @Override
    public String run(StepContext context) {
        int objects = check();
        return backup + " holds all " + Sizes.count(objects) + " objects of " + of + " with the same sizes and ETags";
    }

    private int check() {
        var current = services.s3().list(target.get(), of);
        CopyDiff diff = CopyDiff.of(current, services.s3().list(target.get(), backup), services.s3().multipartThreshold());
        if (!diff.toCopy().isEmpty()) {
            throw new IllegalArgumentException(backup + " is not a backup of " + of + " as it is now: " + diff.toCopy().size()
                    + " of its " + current.objects().size() + " objects are missing there or different, such as " + diff.toCopy().get(0).key()
                    + ". Choose another backup, or let this run make one first (leave the backup out).");
        }
        return current.objects().size();
    }
}
