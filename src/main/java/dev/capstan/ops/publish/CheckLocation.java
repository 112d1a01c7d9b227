package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.function.Supplier;

/** Refuses to point a region at a location that holds no data: the app would fail to load it. */
final class CheckLocation implements Step {
    private final S3Uri uri;
    private final PublishServices services;
    private final Supplier<AwsTarget> target;

    CheckLocation(S3Uri uri, PublishServices services, Supplier<AwsTarget> target) {
        this.uri = uri;
        this.services = services;
        this.target = target;
    }

    @Override
    public String id() {
        return "check-location";
    }

    @Override
    public StepKind kind() {
        return StepKind.READ;
    }

    @Override
    public StepPreview preview() {
        S3Listing listing = listing();
        return StepPreview.of("Check that " + uri + " holds data (" + Sizes.count(listing.objects().size()) + " objects, "
                + Sizes.bytes(listing.totalBytes()) + " now)");
    }

    @Override
    public String run(StepContext context) {
        S3Listing listing = listing();
        return uri + " holds " + Sizes.count(listing.objects().size()) + " objects (" + Sizes.bytes(listing.totalBytes()) + ")";
    }

    private S3Listing listing() {
        services.s3().requireBucket(target.get(), uri.bucket());
        S3Listing listing = services.s3().list(target.get(), uri);
        if (listing.isEmpty()) {
            throw new IllegalArgumentException(uri + " holds no objects; a region pointed there would fail to load. Check the URI.");
        }
        return listing;
    }
}
