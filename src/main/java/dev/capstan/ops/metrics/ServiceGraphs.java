package dev.capstan.ops.metrics;

import dev.capstan.aws.EcsGateway;
import dev.capstan.aws.MetricsGateway;
import dev.capstan.aws.MetricsGateway.Dimension;
import dev.capstan.aws.MetricsGateway.Point;
import dev.capstan.aws.MetricsGateway.Query;
import dev.capstan.aws.TargetHealthGateway;
import dev.capstan.aws.TaskSetGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.StepRecord;
import dev.capstan.ops.Targets;
import dev.capstan.ops.controller.Deploys;
import dev.capstan.ops.restart.RollingRestart;
import dev.capstan.ops.scale.ScaleService;
import dev.capstan.ops.metrics.GraphPicture.Chart;
import dev.capstan.ops.metrics.GraphPicture.Line;
import dev.capstan.ops.metrics.GraphPicture.Marker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's graphs as CloudWatch has them: its CPU and memory utilisation (AWS/ECS), and for each of its target groups the
 * healthy and unhealthy host counts, the targets' 5xx responses and their response time (AWS/ApplicationELB), all in one
 * GetMetricData call, with the watched run's steps and the environment's deploys, rollbacks and restarts marked.
 */
public final class ServiceGraphs {
    /** ECS and ALB publish these metrics a minute at a time. */
    public static final Duration PERIOD = Duration.ofMinutes(1);
    /** Runs that change what the service serves, marked where they began. */
    private static final Set<String> MARKED_RUNS = markedRuns();

    private final MetricsGateway metrics;
    private final EcsGateway ecs;
    private final TaskSetGateway taskSets;
    private final Targets targets;
    private final RunStore runs;
    /** A target group's dimensions do not change: asked of ELB once each. */
    private final Map<String, List<Dimension>> groupDimensions = new ConcurrentHashMap<>();
    /** An environment's service's target groups, by the environment as the workspace gives it (an edited entry is asked again). */
    private final Map<Environment, List<String>> serviceGroups = new ConcurrentHashMap<>();

    public ServiceGraphs(MetricsGateway metrics, EcsGateway ecs, TaskSetGateway taskSets, Targets targets, RunStore runs) {
        this.metrics = metrics;
        this.ecs = ecs;
        this.taskSets = taskSets;
        this.targets = targets;
        this.runs = runs;
    }

    /**
     * The environment's own service, with the target groups ECS says it registers its tasks in and, for a service deployed
     * with task sets, both colours' groups, so a deploy shows its traffic moving from one to the other.
     */
    public GraphPicture read(Environment env, Instant from, Instant to, RunRecord watched) {
        return read(env, env.cluster(), env.service(), serviceGroups.computeIfAbsent(env, this::groupsOf), from, to, watched);
    }

    /** Which groups a service sits behind does not change with a deploy (the colours only take turns): asked of ECS once. */
    private List<String> groupsOf(Environment env) {
        AwsTarget target = targets.of(env);
        java.util.LinkedHashSet<String> groups = new java.util.LinkedHashSet<>(ecs.targetGroupsOf(target, env.cluster(), env.service()));
        // Task sets (blue/green, CodeDeploy) take turns behind the two colours; a rolling service stays behind its own group.
        if (env.loadBalancer() != null && !taskSets.taskSets(target, env.cluster(), env.service()).isEmpty()) {
            groups.add(env.loadBalancer().blueTargetGroupArn());
            if (env.loadBalancer().greenTargetGroupArn() != null) {
                groups.add(env.loadBalancer().greenTargetGroupArn());
            }
        }
        return List.copyOf(groups);
    }

    /** One series asked of CloudWatch: its query, the chart it is drawn on, and the factor from CloudWatch's unit to the chart's. */
    private record Graphed(Query query, Chart chart, double factor) {
    }

    /**
     * @param targetGroupArns the service's target groups (both colours of a blue/green service)
     * @param watched         the run whose steps to mark, or null
     */
    public GraphPicture read(Environment env, String cluster, String service, List<String> targetGroupArns, Instant from, Instant to,
                             RunRecord watched) {
        AwsTarget target = targets.of(env);
        List<Graphed> asked = new ArrayList<>();
        List<Dimension> serviceDimensions = List.of(new Dimension("ClusterName", cluster), new Dimension("ServiceName", service));
        asked.add(new Graphed(new Query("cpu", "CPU", "AWS/ECS", "CPUUtilization", serviceDimensions, "Average", PERIOD), Chart.UTILISATION, 1));
        asked.add(new Graphed(new Query("memory", "Memory", "AWS/ECS", "MemoryUtilization", serviceDimensions, "Average", PERIOD),
                Chart.UTILISATION, 1));
        for (int i = 0; i < targetGroupArns.size(); i++) {
            String arn = targetGroupArns.get(i);
            List<Dimension> dimensions = groupDimensions.computeIfAbsent(arn, a -> metrics.targetGroupDimensions(target, a));
            if (dimensions.isEmpty()) {
                continue;
            }
            String group = targetGroupArns.size() > 1 ? " (" + TargetHealthGateway.name(arn) + ")" : "";
            asked.add(new Graphed(new Query("healthy" + i, "Healthy" + group, "AWS/ApplicationELB", "HealthyHostCount", dimensions, "Average",
                    PERIOD), Chart.HOSTS, 1));
            asked.add(new Graphed(new Query("unhealthy" + i, "Unhealthy" + group, "AWS/ApplicationELB", "UnHealthyHostCount", dimensions,
                    "Average", PERIOD), Chart.HOSTS, 1));
            asked.add(new Graphed(new Query("errors" + i, "5xx" + group, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions,
                    "Sum", PERIOD), Chart.ERRORS, 1));
            // ELB measures response time in seconds; people read it in milliseconds.
            asked.add(new Graphed(new Query("latency" + i, "Response time" + group, "AWS/ApplicationELB", "TargetResponseTime", dimensions,
                    "Average", PERIOD), Chart.LATENCY, 1000));
        }
        List<MetricsGateway.Series> series = metrics.read(target, asked.stream().map(Graphed::query).toList(), from, to);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            double factor = asked.get(i).factor();
            lines.add(new Line(asked.get(i).chart(), series.get(i).label(),
                    series.get(i).points().stream().map(p -> new Point(p.at(), p.value() * factor)).toList()));
        }
        return new GraphPicture(from, to, lines, markers(env, from, to, watched));
    }

    private static Set<String> markedRuns() {
        Set<String> types = new java.util.HashSet<>(Deploys.TYPES);
        types.add(RollingRestart.TYPE);
        types.add(ScaleService.TYPE);
        return Set.copyOf(types);
    }

    private List<Marker> markers(Environment env, Instant from, Instant to, RunRecord watched) {
        List<Marker> markers = new ArrayList<>();
        if (watched != null) {
            for (StepRecord step : watched.steps()) {
                if (step.startedAt() != null && !step.startedAt().isBefore(from) && !step.startedAt().isAfter(to)) {
                    markers.add(new Marker(step.startedAt(), step.planned().number() + ". " + step.planned().sentence(), true));
                }
            }
        }
        for (RunSummary run : runs.summaries(env.name())) {
            boolean inSpan = run.startedAt() != null && !run.startedAt().isBefore(from) && !run.startedAt().isAfter(to);
            if (inSpan && MARKED_RUNS.contains(run.operationType()) && (watched == null || !run.id().equals(watched.id()))) {
                markers.add(new Marker(run.startedAt(), run.title() + (run.console() == null ? "" : " (" + run.console() + ")"), false));
            }
        }
        markers.sort(java.util.Comparator.comparing(Marker::at));
        return markers;
    }
}
