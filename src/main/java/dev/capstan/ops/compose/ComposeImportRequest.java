package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.ops.taskdefs.Finding;
import java.util.List;

/**
 * An import as confirmed: the compose file it came from (for the record) and the task definition made from it, settled, so a
 * resumed run registers what was shown even if the file has changed since; with the findings that were shown beside it.
 */
public record ComposeImportRequest(String source, List<String> services, TaskDefinitionDraft taskDefinition, List<Finding> findings) {
    public ComposeImportRequest {
        services = services == null ? List.of() : List.copyOf(services);
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (taskDefinition == null) {
            throw new IllegalArgumentException("An import needs the task definition it registers.");
        }
    }
}
