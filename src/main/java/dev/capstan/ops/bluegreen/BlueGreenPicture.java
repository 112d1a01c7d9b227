package dev.capstan.ops.bluegreen;

import dev.capstan.domain.ListenerRule;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TaskSetInfo;
import java.util.List;
import java.util.Optional;

/**
 * A blue/green environment as one look sees it: which colour takes the traffic (the one whose rule has
 * the lower priority), each colour's rule and the task set behind it, with its image, its tasks
 * and how many of its targets are healthy, and who deployed it when (from the journals).
 */
public record BlueGreenPicture(Colour active, Side blue, Side green, List<TaskSetInfo> taskSets) {
    public BlueGreenPicture {
        taskSets = List.copyOf(taskSets);
    }

    /** One colour: its rule, and the set behind its target group (none when no set is). */
    public record Side(Colour colour, String targetGroup, ListenerRule rule, Optional<TaskSetInfo> taskSet, String image, List<ServiceTask> tasks,
                       int healthyTargets, int targets, Optional<DeployHistory.Deployed> deployed) {
        public Side {
            tasks = List.copyOf(tasks);
        }

        public long running() {
            return tasks.stream().filter(ServiceTask::running).count();
        }

        /** Its set runs tasks, all RUNNING, and every target of its group is healthy. */
        public boolean serving() {
            return taskSet.isPresent() && !tasks.isEmpty() && running() == tasks.size() && targets > 0 && healthyTargets == targets;
        }
    }

    public Side side(Colour colour) {
        return colour == Colour.BLUE ? blue : green;
    }

    public Side activeSide() {
        return side(active);
    }

    public Side idleSide() {
        return side(active.other());
    }

    public Optional<TaskSetInfo> primary() {
        return taskSets.stream().filter(TaskSetInfo::primary).findFirst();
    }
}
