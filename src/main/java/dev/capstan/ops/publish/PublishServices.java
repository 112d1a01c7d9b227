package dev.capstan.ops.publish;

import dev.capstan.aws.S3Gateway;
import dev.capstan.db.RegionConfigStore;
import dev.capstan.ops.Targets;
import java.time.Clock;

/**
 * What region-data operations read and change through.
 *
 * @param concurrency how many server-side copies are in flight at once
 */
public record PublishServices(S3Gateway s3, RegionConfigStore regions, Targets targets, int concurrency, Clock clock) {
    public static final int CONCURRENCY = 128;
}
