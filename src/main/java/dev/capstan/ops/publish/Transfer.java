package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3Uri;
import java.util.function.Supplier;

/**
 * One S3 location copied to another, as every copy, check, removal and verification step sees it:
 * the two sides, where they are reached, and what stands between them.
 */
record Transfer(S3Uri from, S3Uri to, PublishServices services, Supplier<AwsTarget> target) {
    S3Listing listFrom() {
        return services.s3().list(target.get(), from);
    }

    S3Listing listTo() {
        return services.s3().list(target.get(), to);
    }

    /** What still differs between the source (as given) and the destination (as it is now). */
    CopyDiff diff(S3Listing source) {
        return CopyDiff.of(source, listTo(), multipartThreshold());
    }

    CopyDiff diff() {
        return diff(listFrom());
    }

    long multipartThreshold() {
        return services.s3().multipartThreshold();
    }
}
