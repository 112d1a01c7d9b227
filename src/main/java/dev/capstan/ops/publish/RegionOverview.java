package dev.capstan.ops.publish;

import dev.capstan.domain.RegionRow;
import java.time.Instant;
import java.util.List;

/**
 * One region as the Regions view shows it: its row, what its URI holds on S3, its backups, and the
 * other data sets beside it (newest last), one of which is usually the update to publish.
 *
 * @param problem why S3 could not be read for this row; null when it was
 */
public record RegionOverview(RegionRow row, int objects, long bytes, Instant lastModified, List<String> backups, List<String> siblings,
                             String problem) {
    public RegionOverview {
        backups = List.copyOf(backups);
        siblings = List.copyOf(siblings);
    }
}
