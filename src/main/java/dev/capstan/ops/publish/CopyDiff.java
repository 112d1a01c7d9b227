package dev.capstan.ops.publish;

import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What stands between a source location and its copy: the objects still to copy (absent, or different
 * at the destination) and the destination's objects the source does not have. An object over the
 * multipart threshold is compared by size only, since a copy in parts gets a new ETag.
 */
record CopyDiff(List<S3ObjectInfo> toCopy, List<S3ObjectInfo> extra, int alreadyThere, long multipartThreshold) {
    static CopyDiff of(S3Listing source, S3Listing destination, long multipartThreshold) {
        Map<String, S3ObjectInfo> there = destination.byKey();
        List<S3ObjectInfo> toCopy = new ArrayList<>();
        int same = 0;
        for (S3ObjectInfo object : source.objects()) {
            S3ObjectInfo copy = there.remove(object.key());
            if (copy != null && matches(object, copy, multipartThreshold)) {
                same++;
            } else {
                toCopy.add(object);
            }
        }
        return new CopyDiff(toCopy, List.copyOf(there.values()), same, multipartThreshold);
    }

    static boolean matches(S3ObjectInfo source, S3ObjectInfo copy, long multipartThreshold) {
        return source.size() > multipartThreshold ? source.size() == copy.size() : source.sameAs(copy);
    }

    long bytesToCopy() {
        return toCopy.stream().mapToLong(S3ObjectInfo::size).sum();
    }

    /** One line per object, as the plan and --dry-run list them. */
    static List<String> lines(List<S3ObjectInfo> objects) {
        return objects.stream().map(o -> o.key() + "  (" + Sizes.bytes(o.size()) + ")").toList();
    }
}
