package dev.capstan.ops.restart;

import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ScalingGroup;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.ops.logs.LogSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes one look at a service under a rolling restart: its counts and tasks (old ones told apart by the
 * ARNs journaled when the run began), the health of every target in its target groups matched to tasks,
 * the auto scaling group, and which new tasks logged the health pattern. Only reads.
 */
public final class RestartWatch {
    private final RestartServices services;

    public RestartWatch(RestartServices services) {
        this.services = services;
    }

    /**
     * @param oldTasks    ARNs of the tasks that ran before the restart began
     * @param earlier     ARNs of tasks that had already stopped when the restart began: left out of the picture
     * @param group       the auto scaling group to report, or null
     * @param pattern     the health log term, or null
     * @param sinceMillis when the restart began: older log lines do not count
     * @param seen        ids of tasks already known to have logged the pattern; the look adds to it
     */
    public RestartPicture look(Environment environment, Set<String> oldTasks, Set<String> earlier, String group, String pattern, long sinceMillis,
                               Set<String> seen) {
        AwsTarget target = services.targets().of(environment);
        ServiceStatus service = services.ecs().service(target, environment.cluster(), environment.service());
        List<ServiceTask> tasks = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .filter(t -> !earlier.contains(t.arn())).toList();
        List<String> groupArns = services.ecs().targetGroupsOf(target, environment.cluster(), environment.service());
        List<RestartPicture.TargetRow> rows = new ArrayList<>();
        for (String arn : groupArns) {
            for (TargetGroupInfo.Target t : services.targetHealth().health(target, arn)) {
                ServiceTask behind = tasks.stream().filter(task -> !"STOPPED".equals(task.lastStatus()) && task.isBehind(t)).findFirst().orElse(null);
                rows.add(new RestartPicture.TargetRow(TargetHealthGateway.name(arn), t, behind, behind != null && oldTasks.contains(behind.arn())));
            }
        }
        Optional<ScalingGroup> scaling = group == null ? Optional.empty() : Optional.of(services.autoScaling().group(target, group));
        Set<String> logSeen = new HashSet<>(seen);
        if (pattern != null) {
            lookForHealthLines(environment, target, tasks, oldTasks, pattern, sinceMillis, logSeen);
            seen.addAll(logSeen);
        }
        return new RestartPicture(service, tasks, oldTasks, groupArns.stream().map(TargetHealthGateway::name).toList(), rows, scaling,
                pattern, logSeen, services.clock().instant());
    }

    /** Reads each new running task's own stream for the pattern, until it has been seen once. */
    private void lookForHealthLines(Environment environment, AwsTarget target, List<ServiceTask> tasks, Set<String> oldTasks, String pattern,
                                    long sinceMillis, Set<String> seen) {
        List<ServiceTask> unseen = tasks.stream().filter(t -> t.running() && !oldTasks.contains(t.arn()) && !seen.contains(t.id())).toList();
        if (unseen.isEmpty()) {
            return;
        }
        LogSource source = services.logSources().service(environment, environment.service());
        for (ServiceTask task : unseen) {
            if (logged(target, source.group(), source.streamPrefix() + task.id(), phrase(pattern), sinceMillis)) {
                seen.add(task.id());
            }
        }
    }

    /** CloudWatch may answer a page with no events and a token to go on with; a few pages are followed before giving up for this look. */
    private boolean logged(AwsTarget target, String group, String stream, String filter, long sinceMillis) {
        String token = null;
        for (int page = 0; page < 5; page++) {
            var found = services.logs().filter(target, group, null, List.of(stream), sinceMillis, filter, token);
            if (!found.events().isEmpty()) {
                return true;
            }
            token = found.nextToken();
            if (token == null) {
                return false;
            }
        }
        return false;
    }

    /** The text as one quoted CloudWatch term, so spaces and punctuation match literally. */
    static String phrase(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
