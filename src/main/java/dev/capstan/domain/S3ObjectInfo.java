package dev.capstan.domain;

import java.time.Instant;

/**
 * One object under an S3 location, named relative to it.
 *
 * @param etag as S3 lists it (quotes removed); equal ETags of equal-size objects mean equal bytes for single-part objects
 */
public record S3ObjectInfo(String key, long size, String etag, Instant lastModified) {
    /** Same key, size and ETag: what a verified copy looks like. */
    public boolean sameAs(S3ObjectInfo other) {
        return key.equals(other.key) && size == other.size && etag.equals(other.etag);
    }
}
