package dev.capstan.domain;

/** The S3 bucket that holds an environment's region data. */
public record RegionDataSettings(String bucket) {
    public RegionDataSettings {
        bucket = Require.text(bucket, "bucket", "name the S3 bucket that holds the region data");
    }
}
