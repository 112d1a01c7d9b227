package dev.capstan.ops.restart;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.GroupCapacity;
import dev.capstan.domain.ServiceStatus;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.capacity.RaiseGroupToMaximum;
import dev.capstan.ops.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The restart many teams do by hand in the console, as one operation: the group to its maximum (EC2 only), the service's
 * count up, wait until the new tasks run and are healthy, stop every task that ran before, the count
 * back, the group back, and wait until the service has settled on new tasks only. The old tasks' ARNs
 * and the original counts are journaled by the first step, so a resumed run stops exactly those tasks
 * and restores exactly those counts.
 */
public final class RollingRestart implements Operation, OnService {
    public static final String TYPE = "service.restart";
    static final String ORIGINAL_COUNT = "originalDesiredCount";
    static final String ORIGINAL_GROUP_CAPACITY = "originalGroupCapacity";
    static final String OLD_TASKS = "oldTasks";
    static final String BEGAN_AT = "beganAtMillis";
    static final String STOPPED_BEFORE = "stoppedBefore";

    private final Environment environment;
    private final RestartRequest request;
    private final RestartServices services;
    private final RestartWatch watch;
    private final List<String> warnings;

    RollingRestart(Environment environment, RestartRequest request, RestartServices services, RestartWatch watch, List<String> warnings) {
        this.environment = environment;
        this.request = request;
        this.services = services;
        this.watch = watch;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Restart " + environment.service() + " on " + environment.name() + " (" + request.count() + " tasks side by side)";
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public RestartRequest request() {
        return request;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new ReadStartingPoint(this));
        if (request.usesGroup()) {
            steps.add(new RaiseGroupToMaximum(services.autoScaling(), this::target, request.group(), "", ""));
        }
        steps.add(new RaiseServiceCount(this));
        steps.add(new WaitForNewTasks(this));
        steps.add(new StopOldTasks(this));
        // The plan shows today's numbers; the run puts back what the first step journaled.
        steps.add(new RestoreServiceCount(this, request::count, this::desiredCount, context -> journaled(context, ORIGINAL_COUNT)));
        if (request.usesGroup() && request.restoreGroup()) {
            steps.add(new RestoreGroup(this, request.group(), () -> services.autoScaling().group(target(), request.group()).maxSize(),
                    () -> services.autoScaling().group(target(), request.group()).desiredCapacity(),
                    context -> journaled(context, ORIGINAL_GROUP_CAPACITY)));
        }
        steps.add(new WaitUntilSettled(this));
        return steps;
    }

    private static int journaled(StepContext context, String fact) {
        return Integer.parseInt(context.fact(fact).orElseThrow(() -> new IllegalStateException("The journal lacks " + fact
                + "; the first step should have written it.")));
    }

    @Override
    public AwsTarget target() {
        return services.targets().of(environment);
    }

    @Override
    public RestartServices services() {
        return services;
    }

    ServiceStatus service() {
        return services.ecs().service(target(), environment.cluster(), environment.service());
    }

    /** One look at the service, with the old tasks this run journaled. */
    RestartPicture look(StepContext context, Set<String> seen) {
        Set<String> old = new HashSet<>(context.factList(OLD_TASKS).orElse(List.of()));
        Set<String> earlier = new HashSet<>(context.factList(STOPPED_BEFORE).orElse(List.of()));
        long since = context.fact(BEGAN_AT).map(Long::parseLong).orElse(0L);
        return watch.look(environment, old, earlier, request.group(), request.healthLogPattern(), since, seen);
    }
}
