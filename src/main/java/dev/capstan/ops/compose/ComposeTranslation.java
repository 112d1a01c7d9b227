package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.ops.taskdefs.Finding;
import java.util.List;

/** A compose file as a Fargate task definition, with every change made to its meaning and every check's finding, each with its reason. */
public record ComposeTranslation(TaskDefinitionDraft taskDefinition, List<Finding> findings) {
    public ComposeTranslation {
        findings = List.copyOf(findings);
    }

    /** Whether a finding stops it from being registered. */
    public boolean blocked() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.BLOCKER);
    }
}
