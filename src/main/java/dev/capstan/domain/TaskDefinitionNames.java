package dev.capstan.domain;

/** Reads the parts of task definition ARNs (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION). */
public final class TaskDefinitionNames {
    private TaskDefinitionNames() {
    }

    public static String familyRevision(String arn) {
        if (arn == null) {
            return "";
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    public static String family(String arn) {
        String name = familyRevision(arn);
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The revision number, or 0 if the ARN has none. */
    public static int revision(String arn) {
        String name = familyRevision(arn);
        int colon = name.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(name.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
