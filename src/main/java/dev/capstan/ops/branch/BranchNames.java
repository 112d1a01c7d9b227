package dev.capstan.ops.branch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The names and tags of a branch environment's resources, all made from the environment's service and the branch's name, so
 * that each step (and the destroy, from any console) finds them again.
 */
final class BranchNames {
    /** On every resource: {@code <environment>/<branch>}, what the steps look resources up by. */
    static final String BRANCH = "capstan:branch";
    /** On every resource: the environment it is a branch of, what the list reads. */
    static final String BRANCH_OF = "capstan:branch-of";
    static final String OWNER = "capstan:owner";
    static final String CREATED = "capstan:created";
    static final String EXPIRES = "capstan:expires";
    static final String URL = "capstan:url";
    static final String RUN = "capstan:run";

    /** A DNS label (it may become a host name), short enough to leave room in a target group's 32 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?");
    private static final int TARGET_GROUP_NAME_MAX = 32;

    private BranchNames() {
    }

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A branch name is part of a host name: use 1 to 20 lowercase letters, digits and -, starting and "
                    + "ending with a letter or digit, such as login-fix" + (name == null ? "." : ", not '" + name + "'."));
        }
        return name;
    }

    static String service(String base, String branch) {
        return base + "-" + branch;
    }

    static String tag(String environment, String branch) {
        return environment + "/" + branch;
    }

    /** {@code <service>-<branch>}, or, when that is over ELB's 32 characters, the service's name cut with a short hash of it kept. */
    static String targetGroup(String base, String branch) {
        String whole = base + "-" + branch;
        if (whole.length() <= TARGET_GROUP_NAME_MAX) {
            return whole;
        }
        String hash = hash(base);
        int room = TARGET_GROUP_NAME_MAX - branch.length() - hash.length() - 2;
        String cut = base.substring(0, Math.max(0, room)).replaceAll("-+$", "");
        return (cut.isEmpty() ? "" : cut + "-") + hash + "-" + branch;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
