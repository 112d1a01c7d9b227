package dev.capstan.ops.deploy;

import dev.capstan.domain.ImageReference;

/** What a person may type as the thing to deploy: an image tag, a whole image reference, or a whole task definition revision. */
public final class ImageChoice {
    private ImageChoice() {
    }

    /** FAMILY:REVISION or a task definition ARN: a revision deployed as it is, rather than an image put into a new one. */
    public static boolean isRevision(String given) {
        String g = given == null ? "" : given.strip();
        return g.matches("[A-Za-z0-9_-]+:\\d+") || g.startsWith("arn:aws") && g.contains(":task-definition/");
    }

    /** A tag takes the serving image's repository; anything with a slash is a whole image reference. */
    public static String resolve(String image, String current) {
        String given = image == null ? "" : image.strip();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("Give the image tag to deploy (such as a476b78) or a whole image reference.");
        }
        if (given.contains("/") || given.contains("@")) {
            return ImageReference.requireReference(given);
        }
        ImageReference.requireTag(given);
        int slash = current.lastIndexOf('/');
        int colon = current.lastIndexOf(':');
        String repository = colon > slash ? current.substring(0, colon) : current;
        return repository + ":" + given;
    }

    /** The part after the last slash: repository and tag, what people say aloud. */
    public static String shortName(String image) {
        return image == null ? "" : image.substring(image.lastIndexOf('/') + 1);
    }
}
