package dev.capstan.ops.publish;

/**
 * What each region-data operation journals: the locations and the row as they were when the plan was made
 * (the backup name free that day, the row's id, URI and version), so a resumed run does what was confirmed
 * and a row edited meanwhile is refused rather than overwritten.
 */
public interface RegionDataRequests {
    record Backup(String uri, String backup) {
    }

    /** @param backupChosen whether {@code backup} is an existing backup the person named (checked), rather than one this run makes */
    record Copy(String from, String to, String backup, boolean backupChosen, boolean mirror) {
    }

    record Restore(String backup, String to, boolean mirror) {
    }

    record SetUri(String region, long expectedId, String expectedUri, String expectedVersion, String uri) {
    }

    /** @param version the new version as given, or null for the next one */
    record BumpVersion(String region, long expectedId, String expectedUri, String expectedVersion, String version) {
    }

    record Publish(String region, long expectedId, String expectedUri, String expectedVersion, String from, String backup, boolean mirror) {
    }
}
