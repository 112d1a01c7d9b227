package dev.capstan.ops;

import dev.capstan.domain.Environment;
import java.util.List;
import java.util.Map;

/**
 * A runbook operation as plain Java that the GUI and the CLI both drive. Its steps are fixed by its
 * parameters (no I/O), so a resumed run finds the same steps by id; what they will do is read by
 * {@link Step#preview()} when the plan is made.
 */
public interface Operation {
    /** The catalogue name, such as {@code service.scale}; with the parameters it rebuilds the operation on resume. */
    String type();

    /** A title a person recognises: "Scale StagingApp on staging to 4". */
    String title();

    Environment environment();

    /** Everything needed to rebuild the operation, settled: journaled as it is, and read back to resume. */
    Record request();

    /** The request as text, as the run index, reports and history lookups read it. */
    default Map<String, String> parameters() {
        return Requests.flat(request());
    }

    List<Step> steps();

    /** Things a person should know before confirming, worked out without changing anything. */
    default List<String> warnings() {
        return List.of();
    }
}
