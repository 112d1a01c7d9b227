package dev.capstan.domain;

import java.time.Instant;

/**
 * One row of {@code region_config}: which S3 location a region's data is read from, and the version
 * that keys the app's caches. {@code version} is kept as text, since estates store it as a timestamp or a number.
 */
public record RegionRow(long id, String region, String s3Uri, String version, Instant updatedAt) {
}
