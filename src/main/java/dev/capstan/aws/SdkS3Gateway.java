package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Server-side copies: CopyObject up to the multipart threshold, UploadPartCopy in parts above it
 * (CopyObject's limit is 5 GB). Listings use ListObjectsV2's paginator.
 */
public final class SdkS3Gateway implements S3Gateway {
    public static final long FIVE_GB = 5L * 1024 * 1024 * 1024;
    private static final long DEFAULT_PART = 512L * 1024 * 1024;
    private final AwsClients clients;
    private final long multipartThreshold;
    private final long partSize;

    public SdkS3Gateway(AwsClients clients) {
        this(clients, FIVE_GB, DEFAULT_PART);
    }

    /** @param partSize at least 5 MiB, S3's smallest part */
    public SdkS3Gateway(AwsClients clients, long multipartThreshold, long partSize) {
        this.clients = clients;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    @Override
    public long multipartThreshold() {
        return multipartThreshold;
    }

    @Override
    public void requireBucket(AwsTarget target, String bucket) {
        try {
            clients.s3(target).headBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw explain(e, target, bucket, "reach bucket " + bucket);
        }
    }

    /** A missing bucket is said as such, whichever call met it first. */
    private static RuntimeException explain(SdkException e, AwsTarget target, String bucket, String what) {
        if (e instanceof NoSuchBucketException || e instanceof S3Exception s3 && s3.statusCode() == 404 && what.startsWith("reach")) {
            return new AwsProblem("There is no bucket " + bucket + " (" + target.region() + "); check the S3 URI's bucket name.", e);
        }
        return AwsErrors.explain(e, target, what);
    }

    @Override
    public S3Listing list(AwsTarget target, S3Uri uri) {
        try {
            List<S3ObjectInfo> objects = new ArrayList<>();
            String prefix = uri.listPrefix();
            for (S3Object o : clients.s3(target).listObjectsV2Paginator(r -> r.bucket(uri.bucket()).prefix(prefix)).contents()) {
                objects.add(new S3ObjectInfo(o.key().substring(prefix.length()), o.size(), unquote(o.eTag()), o.lastModified()));
            }
            return new S3Listing(uri, objects);
        } catch (SdkException e) {
            throw explain(e, target, uri.bucket(), "list " + uri);
        }
    }

    @Override
    public boolean isEmpty(AwsTarget target, S3Uri uri) {
        try {
            return clients.s3(target).listObjectsV2(r -> r.bucket(uri.bucket()).prefix(uri.listPrefix()).maxKeys(1)).contents().isEmpty();
        } catch (SdkException e) {
            throw explain(e, target, uri.bucket(), "look at " + uri);
        }
    }

    @Override
    public List<S3Uri> backupsOf(AwsTarget target, S3Uri uri) {
        try {
            List<S3Uri> backups = new ArrayList<>();
            String prefix = uri.prefix() + "-backup-";
            for (CommonPrefix p : clients.s3(target).listObjectsV2Paginator(r -> r.bucket(uri.bucket()).prefix(prefix).delimiter("/"))
                    .commonPrefixes()) {
                backups.add(new S3Uri(uri.bucket(), p.prefix()));
            }
            // Listed order puts name-2/ before name/ ('-' sorts before '/'); by name, the first backup of a day comes first.
            backups.sort(java.util.Comparator.comparing(S3Uri::toString));
            return backups;
        } catch (SdkException e) {
            throw explain(e, target, uri.bucket(), "list the backups of " + uri);
        }
    }

    @Override
    public List<S3Uri> siblingsOf(AwsTarget target, S3Uri uri) {
        int slash = uri.prefix().lastIndexOf('/');
        String parent = slash < 0 ? "" : uri.prefix().substring(0, slash + 1);
        try {
            List<S3Uri> siblings = new ArrayList<>();
            for (CommonPrefix p : clients.s3(target).listObjectsV2Paginator(r -> r.bucket(uri.bucket()).prefix(parent).delimiter("/"))
                    .commonPrefixes()) {
                S3Uri sibling = new S3Uri(uri.bucket(), p.prefix());
                if (!sibling.equals(uri) && !sibling.prefix().contains("-backup-")) {
                    siblings.add(sibling);
                }
            }
            siblings.sort(java.util.Comparator.comparing(S3Uri::toString));
            return siblings;
        } catch (SdkException e) {
            throw explain(e, target, uri.bucket(), "list the data beside " + uri);
        }
    }

    @Override
    public void copy(AwsTarget target, S3Uri from, S3Uri to, S3ObjectInfo object) {
        String source = from.key(object.key());
        String destination = to.key(object.key());
        try {
            if (object.size() <= multipartThreshold) {
                clients.s3(target).copyObject(r -> r.sourceBucket(from.bucket()).sourceKey(source)
                        .destinationBucket(to.bucket()).destinationKey(destination));
            } else {
                copyInParts(clients.s3(target), from.bucket(), source, to.bucket(), destination, object.size());
            }
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "copy " + from.key(object.key()) + " to " + to);
        }
    }

    private void copyInParts(S3Client s3, String fromBucket, String source, String toBucket, String destination, long size) {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(toBucket).key(destination)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long start = 0; start < size; start += partSize, number++) {
                long end = Math.min(size, start + partSize) - 1;
                int part = number;
                String range = "bytes=" + start + "-" + end;
                String etag = s3.uploadPartCopy(r -> r.sourceBucket(fromBucket).sourceKey(source).destinationBucket(toBucket)
                        .destinationKey(destination).uploadId(uploadId).partNumber(part).copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            s3.completeMultipartUpload(r -> r.bucket(toBucket).key(destination).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            // An unfinished upload keeps its parts (and their cost) until aborted.
            s3.abortMultipartUpload(r -> r.bucket(toBucket).key(destination).uploadId(uploadId));
            throw e;
        }
    }

    @Override
    public void delete(AwsTarget target, S3Uri at, List<String> keys) {
        try {
            for (int from = 0; from < keys.size(); from += 1000) {
                List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                        .map(k -> ObjectIdentifier.builder().key(at.key(k)).build()).toList();
                var response = clients.s3(target).deleteObjects(r -> r.bucket(at.bucket()).delete(d -> d.objects(batch).quiet(true)));
                if (!response.errors().isEmpty()) {
                    var first = response.errors().get(0);
                    throw new AwsProblem("S3 did not delete " + response.errors().size() + " objects under " + at + ", such as " + first.key()
                            + ": " + first.message(), null);
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "delete objects under " + at);
        }
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
