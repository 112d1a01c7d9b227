package dev.capstan.domain;

import java.util.regex.Pattern;

/**
 * An image as a registry names it (the distribution reference grammar): an optional registry host, a repository path of
 * lower-case components, a tag of at most 128 letters, digits, {@code _}, {@code .} and {@code -} (not starting with
 * {@code .} or {@code -}), and or a digest {@code sha256:} with 64 hex digits; at most 255 characters in all. Checked where a
 * value enters (typed, from a runbook, from a journal being resumed), so nothing else reaches ECS or a command.
 */
public final class ImageReference {
    public static final int MAX = 255;
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = HOST_PART + "(?:\\." + HOST_PART + ")*(?::[0-9]{1,5})?";
    private static final String TAG_TEXT = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private static final Pattern TAG = Pattern.compile(TAG_TEXT);
    private static final Pattern REFERENCE = Pattern.compile("(?:" + HOST + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*(?::" + TAG_TEXT
            + ")?(?:@sha256:[a-f0-9]{64})?");
    private static final String WHAT_IS_RIGHT = "give a tag (at most 128 letters, digits, _, . and -, not starting with . or -, such as "
            + "a476b78) or a whole image (registry/repository:tag with the repository in lower case, or @sha256: and 64 hex digits), "
            + "at most " + MAX + " characters";

    private ImageReference() {
    }

    public static boolean isTag(String value) {
        return value != null && TAG.matcher(value).matches();
    }

    public static boolean isReference(String value) {
        return value != null && value.length() <= MAX && REFERENCE.matcher(value).matches();
    }

    /** @throws IllegalArgumentException with what is wrong and what would be right */
    public static String requireTag(String value) {
        if (!isTag(value)) {
            throw new IllegalArgumentException(Visible.quoted(value, 80) + " is not an image tag: " + WHAT_IS_RIGHT + ".");
        }
        return value;
    }

    /** @throws IllegalArgumentException with what is wrong and what would be right */
    public static String requireReference(String value) {
        if (!isReference(value)) {
            throw new IllegalArgumentException(Visible.quoted(value, 80) + " is not an image: " + WHAT_IS_RIGHT + ".");
        }
        return value;
    }
}
