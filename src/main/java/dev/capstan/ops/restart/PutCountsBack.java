package dev.capstan.ops.restart;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * After a restart was cancelled or timed out: the service's desired count (and the group's capacity)
 * back to what that restart journaled before it changed anything, then a wait until ECS and the group
 * have trimmed their surplus. ECS and the group pick what they trim, so some old tasks may be among it;
 * when this ends, the service runs its original count again and nothing is still moving.
 */
public final class PutCountsBack implements Operation, OnService {
    public static final String TYPE = "service.restore-counts";
    private final Environment environment;
    private final Request request;
    private final int count;
    private final String group;
    private final Integer groupCapacity;
    private final String fromRun;
    private final Duration timeout;
    private final RestartServices services;

    /**
     * The counts a restart journaled, to put back.
     *
     * @param group         the auto scaling group to put back too, or null
     * @param groupCapacity its desired capacity before the restart, or null
     * @param timeout       how long the wait until the counts settle may take
     */
    public record Request(String service, int count, String group, Integer groupCapacity, String fromRun, Duration timeout) {
        public Request {
            group = group == null || group.isBlank() ? null : group;
        }
    }

    PutCountsBack(Environment environment, Request request, RestartServices services) {
        this.environment = environment.withService(request.service());
        this.request = request;
        this.count = request.count();
        this.group = request.group();
        this.groupCapacity = request.groupCapacity();
        this.fromRun = request.fromRun();
        this.timeout = request.timeout();
        this.services = services;
    }

    /** The counts a restart run journaled; refused when that run never got to read them (so it changed nothing). */
    static PutCountsBack after(RunRecord restart, Environment environment, RestartServices services, Duration timeout) {
        if (!RollingRestart.TYPE.equals(restart.operationType())) {
            throw new IllegalArgumentException("Run " + restart.id() + " is not a restart; only a restart's counts can be put back.");
        }
        List<String> count = restart.facts().get(RollingRestart.ORIGINAL_COUNT);
        if (count == null || count.isEmpty()) {
            throw new IllegalArgumentException("Run " + restart.id() + " stopped before it read the counts, so it changed none.");
        }
        List<String> capacity = restart.facts().get(RollingRestart.ORIGINAL_GROUP_CAPACITY);
        String group = restart.parameters().get("group");
        boolean withGroup = capacity != null && !capacity.isEmpty() && group != null && !group.isBlank();
        return new PutCountsBack(environment, new Request(restart.parameters().get("service"), Integer.parseInt(count.get(0)), withGroup ? group : null,
                withGroup ? Integer.valueOf(capacity.get(0)) : null, restart.id(), timeout), services);
    }

    /** Started from a restart run (the console's Put counts back, capstan restart --put-back), never by name. */
    static OperationType<Request> declaration(RestartServices services, Duration timeout) {
        return OperationType.declare(TYPE, Request.class)
                .summary("Put back the service's count and its group's capacity that a cancelled or failed restart raised.")
                // Journals written before the put-back waited have no timeout: they get the restart's.
                .rebuild((environment, request) -> new PutCountsBack(environment, request.timeout() != null ? request
                        : new Request(request.service(), request.count(), request.group(), request.groupCapacity(), request.fromRun(), timeout),
                        services));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Put the counts of " + environment.service() + " on " + environment.name() + " back after restart " + fromRun;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new RestoreServiceCount(this, this::desiredCount, () -> count, context -> count));
        if (group != null) {
            steps.add(new RestoreGroup(this, group, () -> services.autoScaling().group(target(), group).desiredCapacity(),
                    () -> groupCapacity, context -> groupCapacity));
        }
        steps.add(new WaitCountsSettled(this, count, group, groupCapacity, timeout));
        return steps;
    }

    @Override
    public AwsTarget target() {
        return services.targets().of(environment);
    }

    @Override
    public RestartServices services() {
        return services;
    }
}
