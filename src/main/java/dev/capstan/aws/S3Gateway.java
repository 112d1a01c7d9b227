package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import java.util.List;

/** S3 as region-data publishing sees it: locations, their objects, server-side copies. No object's bytes pass through Capstan. */
public interface S3Gateway {
    /** Fails with a sentence when the bucket does not exist or cannot be reached. */
    void requireBucket(AwsTarget target, String bucket);

    /** Every object under the location (all pages), keyed relative to it. */
    S3Listing list(AwsTarget target, S3Uri uri);

    /** Whether nothing is stored under the location (one small request, whatever lies beside it). */
    boolean isEmpty(AwsTarget target, S3Uri uri);

    /** The backups of a location that exist: its siblings named {@code <prefix>-backup-…}, oldest first. */
    List<S3Uri> backupsOf(AwsTarget target, S3Uri uri);

    /** The other data sets beside a location (its siblings under the same parent, backups left out): where new data usually waits. */
    List<S3Uri> siblingsOf(AwsTarget target, S3Uri uri);

    /** Copies one object server-side, from {@code from}'s key to the same relative key under {@code to}. */
    void copy(AwsTarget target, S3Uri from, S3Uri to, S3ObjectInfo object);

    /** Deletes the given relative keys under the location. */
    void delete(AwsTarget target, S3Uri at, List<String> keys);

    /** Objects above this size are copied in parts (CopyObject stops at 5 GB); their copies get a new ETag. */
    long multipartThreshold();
}
