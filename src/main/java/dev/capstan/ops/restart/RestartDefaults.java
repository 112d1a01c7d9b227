package dev.capstan.ops.restart;

import dev.capstan.domain.ScalingGroup;
import java.util.List;
import java.util.Optional;

/**
 * What a restart form starts from: today's counts, the group the restart would raise (none for Fargate),
 * how many tasks the group holds at its maximum when that can be worked out, and the suggested count.
 */
public record RestartDefaults(String service, String launchType, int desiredCount, int runningTasks, Optional<ScalingGroup> group,
                              Optional<Integer> groupHolds, int suggestedCount, List<String> notes) {
    public RestartDefaults {
        notes = List.copyOf(notes);
    }
}
