package dev.capstan.ops.task;

import dev.capstan.domain.TaskProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a stopped one-off task ended: it succeeded only if every essential container exited 0. A container
 * with no exit code never ran its command to the end (an image that did not pull, a task stopped early).
 *
 * @param exitCode the first non-zero exit code of an essential container, 0 when all exited 0, null when none said
 * @param exits    each container as name=code, for the record
 */
record TaskVerdict(boolean succeeded, Integer exitCode, List<String> exits, String problem) {
    static TaskVerdict of(TaskProgress task, Set<String> essential) {
        List<String> exits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Integer firstFailure = null;
        boolean anyEssential = false;
        for (TaskProgress.ContainerEnd container : task.containers()) {
            exits.add(container.name() + "=" + (container.exitCode() == null ? "none" : container.exitCode()));
            if (!essential.contains(container.name())) {
                continue;
            }
            anyEssential = true;
            if (container.exitCode() == null) {
                problems.add("container " + container.name() + " ended without an exit code"
                        + (container.reason() == null ? "" : " (" + container.reason() + ")"));
            } else if (container.exitCode() != 0) {
                problems.add("container " + container.name() + " exited " + container.exitCode()
                        + (container.reason() == null ? "" : " (" + container.reason() + ")"));
                if (firstFailure == null) {
                    firstFailure = container.exitCode();
                }
            }
        }
        if (!anyEssential) {
            problems.add("no essential container reported how it ended");
        }
        Integer exitCode = firstFailure != null ? firstFailure : problems.isEmpty() ? Integer.valueOf(0) : null;
        return new TaskVerdict(problems.isEmpty(), exitCode, exits, String.join("; ", problems));
    }
}
