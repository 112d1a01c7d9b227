package dev.capstan.ops.publish;

import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/**
 * Checks a copy against its source: the same keys, sizes and ETags on both sides (sizes only for objects
 * copied in parts); with {@code exact}, the copy may hold nothing else.
 */
final class VerifyCopy implements Step {
    private final String id;
    private final Transfer transfer;
    private final boolean exact;
    private final SourceMemo memo;

    VerifyCopy(String id, Transfer transfer, boolean exact, SourceMemo memo) {
        this.id = id;
        this.transfer = transfer;
        this.exact = exact;
        this.memo = memo;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Verify that " + transfer.to() + " holds every object of " + transfer.from() + " with the same size and ETag"
                + (exact ? ", and nothing else" : ""));
    }

    @Override
    public String run(StepContext context) {
        // Against what the copy step copied, when it ran in this process; a resumed run lists the source again.
        S3Listing source = memo.source().orElseGet(transfer::listFrom);
        CopyDiff diff = transfer.diff(source);
        if (!diff.toCopy().isEmpty()) {
            throw new IllegalStateException(transfer.to() + " is not a faithful copy of " + transfer.from() + ": " + diff.toCopy().size()
                    + " objects are missing or different, such as " + sample(diff.toCopy()) + ". Resume to copy them again.");
        }
        if (exact && !diff.extra().isEmpty()) {
            throw new IllegalStateException(transfer.to() + " holds " + diff.extra().size() + " objects that " + transfer.from() + " does not, such as "
                    + sample(diff.extra()) + ".");
        }
        long bigOnes = source.objects().stream().filter(o -> o.size() > transfer.multipartThreshold()).count();
        return "Verified " + Sizes.count(source.objects().size()) + " objects (" + Sizes.bytes(source.totalBytes()) + "): same keys, sizes and ETags"
                + (bigOnes > 0 ? " (" + bigOnes + " copied in parts compared by size)" : "")
                + (!exact && !diff.extra().isEmpty() ? "; " + diff.extra().size() + " other objects at " + transfer.to() + " were left as they are" : "");
    }

    private static String sample(List<S3ObjectInfo> objects) {
        return String.join(", ", objects.stream().limit(3).map(S3ObjectInfo::key).toList());
    }
}
