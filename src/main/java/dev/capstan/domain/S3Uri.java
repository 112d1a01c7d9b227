package dev.capstan.domain;

import java.util.regex.Pattern;

/**
 * An S3 location as the runbook writes it, {@code s3://bucket/prefix}. The prefix never ends in a
 * slash here: {@code s3://b/data/OH} and {@code s3://b/data/OH/} name the same objects, and the
 * backup of either is {@code s3://b/data/OH-backup-2026-11-23}.
 */
public record S3Uri(String bucket, String prefix) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Uri {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException(Visible.quoted(bucket, 80) + " is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens).");
        }
        prefix = prefix == null ? "" : prefix;
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
    }

    /** @throws IllegalArgumentException with the form it should have */
    public static S3Uri parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith("s3://") || t.length() <= 5) {
            throw new IllegalArgumentException(Visible.quoted(text, 80) + " is not an S3 URI; write it as s3://bucket/prefix.");
        }
        String rest = t.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException(Visible.quoted(text, 80) + " names a whole bucket; name the region's prefix, such as s3://" + bucket + "/regions/OH.");
        }
        return new S3Uri(bucket, prefix);
    }

    /** The key prefix that lists exactly this location's objects: a folder, so data/OH does not also list data/OH-backup-…. */
    public String listPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    public String key(String relative) {
        return listPrefix() + relative;
    }

    /** The sibling location {@code prefix + suffix}: where a backup goes. */
    public S3Uri withSuffix(String suffix) {
        return new S3Uri(bucket, prefix + suffix);
    }

    /** Whether {@code other} lies inside this location (or is it): copying into yourself would copy forever. */
    public boolean contains(S3Uri other) {
        return bucket.equals(other.bucket) && (other.prefix.equals(prefix) || other.prefix.startsWith(listPrefix()));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
