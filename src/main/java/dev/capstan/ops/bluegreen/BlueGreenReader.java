package dev.capstan.ops.bluegreen;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ListenerRule;
import dev.capstan.domain.ServiceTask;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskSetInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads a blue/green environment's picture: rules, task sets, their tasks, images and targets. Only reads. */
public final class BlueGreenReader {
    private final BlueGreenServices services;
    private final DeployHistory history;

    public BlueGreenReader(BlueGreenServices services) {
        this.services = services;
        this.history = new DeployHistory(services.runs());
    }

    public DeployHistory history() {
        return history;
    }

    public BlueGreenPicture read(Environment environment) {
        requireBlueGreen(environment);
        AwsTarget target = services.targets().of(environment);
        var lb = environment.loadBalancer();
        List<ListenerRule> rules = services.rules().rules(target, lb.listenerArn());
        ListenerRule blue = rule(rules, lb.blueTargetGroupArn(), "blue");
        ListenerRule green = rule(rules, lb.greenTargetGroupArn(), "green");
        Colour active = blue.priority() < green.priority() ? Colour.BLUE : Colour.GREEN;
        List<TaskSetInfo> sets = services.taskSets().taskSets(target, environment.cluster(), environment.service());
        List<ServiceTask> tasks = services.ecs().serviceTaskDetails(target, environment.cluster(), environment.service()).stream()
                .filter(t -> "RUNNING".equals(t.desiredStatus())).toList();
        // The journals are read once for both colours: the history is every journal of the machine.
        List<DeployHistory.Deployed> deploys = history.deploys(environment.name());
        return new BlueGreenPicture(active, side(environment, target, Colour.BLUE, blue, sets, tasks, deploys),
                side(environment, target, Colour.GREEN, green, sets, tasks, deploys), sets);
    }

    private BlueGreenPicture.Side side(Environment environment, AwsTarget target, Colour colour, ListenerRule rule, List<TaskSetInfo> sets,
                                       List<ServiceTask> tasks, List<DeployHistory.Deployed> deploys) {
        String group = colour.targetGroup(environment.loadBalancer());
        // The PRIMARY set first: after a swap both colours may briefly have a set behind them.
        Optional<TaskSetInfo> set = sets.stream().filter(s -> s.behind(group))
                .sorted(Comparator.comparing((TaskSetInfo s) -> !s.primary())).findFirst();
        List<ServiceTask> mine = set.map(s -> tasks.stream().filter(t -> s.id().equals(t.startedBy())).toList()).orElse(List.of());
        List<TargetGroupInfo.Target> targets = services.targetHealth().health(target, group);
        int healthy = (int) targets.stream().filter(t -> "healthy".equals(t.state())).count();
        String image = set.map(s -> image(environment, target, s.taskDefinition())).orElse(null);
        return new BlueGreenPicture.Side(colour, group, rule, set, image, mine, healthy, targets.size(),
                set.flatMap(s -> deploys.stream().filter(d -> s.arn().equals(d.taskSet())).findFirst()));
    }

    String image(Environment environment, AwsTarget target, String taskDefinition) {
        TaskDefRevision revision = services.taskDefinitions().revision(target, taskDefinition);
        return revision.containers().stream().filter(c -> environment.container() == null || c.name().equals(environment.container()))
                .findFirst().or(() -> revision.containers().stream().findFirst()).map(TaskDefRevision.Container::image).orElse(null);
    }

    private static ListenerRule rule(List<ListenerRule> rules, String targetGroup, String colour) {
        return rules.stream().filter(r -> r.forwardsTo().contains(targetGroup)).min(Comparator.comparingInt(ListenerRule::priority))
                .orElseThrow(() -> new IllegalArgumentException("No rule of the listener forwards to the " + colour
                        + " target group; blue/green deploys need one rule for each colour."));
    }

    static void requireBlueGreen(Environment environment) {
        if (environment.service() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no service; add service: to it in the workspace.");
        }
        if (environment.loadBalancer() == null) {
            throw new IllegalArgumentException("Environment " + environment.name() + " names no loadBalancer (listener, blue and green target groups); "
                    + "blue/green deploys need them in the workspace.");
        }
    }
}
