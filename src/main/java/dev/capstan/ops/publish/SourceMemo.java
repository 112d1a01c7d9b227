package dev.capstan.ops.publish;

import dev.capstan.domain.S3Listing;
import java.util.Optional;

/**
 * The source listing a copy step worked from, handed to the verify step after it in the same run: the
 * copy is verified against exactly what was copied, and the source is not listed a third time. A
 * resumed run starts with an empty memo and lists afresh.
 */
final class SourceMemo {
    private volatile S3Listing source;

    void remember(S3Listing listing) {
        this.source = listing;
    }

    Optional<S3Listing> source() {
        return Optional.ofNullable(source);
    }
}
