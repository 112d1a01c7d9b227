package dev.capstan.ops.publish;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;

/**
 * Refuses to overwrite a location unless a backup of it, as it is now, exists: every object of the
 * location is in the backup with the same size and ETag. Checked live, at plan time and again before the copy.
 */
final class CheckBackup implements Step {
    /** From the location to its backup. */
    private final Transfer backedUp;

    CheckBackup(Transfer backedUp) {
        this.backedUp = backedUp;
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
        return StepPreview.of("Check that " + backedUp.to() + " is a verified backup of " + backedUp.from() + " as it is now");
    }

    @Override
    public String run(StepContext context) {
        int objects = check();
        return backedUp.to() + " holds all " + Sizes.count(objects) + " objects of " + backedUp.from() + " with the same sizes and ETags";
    }

    private int check() {
        var current = backedUp.listFrom();
        CopyDiff diff = backedUp.diff(current);
        if (!diff.toCopy().isEmpty()) {
            throw new IllegalArgumentException(backedUp.to() + " is not a backup of " + backedUp.from() + " as it is now: " + diff.toCopy().size()
                    + " of its " + current.objects().size() + " objects are missing there or different, such as " + diff.toCopy().get(0).key()
                    + ". Choose another backup, or let this run make one first (leave the backup out).");
        }
        return current.objects().size();
    }
}
