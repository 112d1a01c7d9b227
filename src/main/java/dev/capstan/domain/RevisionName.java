package dev.capstan.domain;

import java.util.regex.Pattern;

/**
 * A task definition revision as someone names one to deploy or go back to: {@code FAMILY:REV}, or its ARN in the
 * environment's own region (a revision of another region or partition cannot run there).
 */
public final class RevisionName {
    private static final Pattern SHORT = Pattern.compile("[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,8}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:ecs:([a-z0-9-]+):[0-9]{12}:task-definition/[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,8}");

    private RevisionName() {
    }

    /** @throws IllegalArgumentException with what is wrong and what would be right */
    public static String require(String value, String region) {
        String given = value == null ? "" : value.strip();
        if (SHORT.matcher(given).matches()) {
            return given;
        }
        var arn = ARN.matcher(given);
        if (arn.matches()) {
            if (region != null && !region.equals(arn.group(1))) {
                throw new IllegalArgumentException(Visible.quoted(given, 120) + " is a revision of " + arn.group(1) + "; this environment is in "
                        + region + ": name a revision of " + region + ".");
            }
            return given;
        }
        throw new IllegalArgumentException(Visible.quoted(given, 80) + " is not a task definition revision: give FAMILY:REV (such as "
                + "StagingApp:41) or its ARN (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV).");
    }
}
