package dev.capstan.ops.restart;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationFactory;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a restart was cancelled or timed out: the service's desired count (and the group's capacity)
 * back to what that restart journaled before it changed anything, then a wait until ECS and the group
 * have trimmed their surplus. ECS and the group pick what they trim, so some old tasks may be among it;
 * when this ends, the service runs its original count again and nothing is still moving.
 */
public final class PutCountsBack implements Operation, OnService {
    public static final String TYPE = "service.restore-counts";
    private final Environment environment;
    private final int count;
    private final String group;
    private final Integer groupCapacity;
    private final String fromRun;
    private final Duration timeout;
    private final RestartServices services;

    PutCountsBack(Environment environment, int count, String group, Integer groupCapacity, String fromRun, Duration timeout,
                  RestartServices services) {
        this.environment = environment;
        this.count = count;
        this.group = group == null || group.isBlank() ? null : group;
        this.groupCapacity = groupCapacity;
        this.fromRun = fromRun;
        this.timeout = timeout;
        this.services = services;
    }

    /** The counts a restart run journaled; refused when that run never got to read them (so it changed nothing). */
    public static PutCountsBack after(RunRecord restart, Environment environment, RestartServices services) {
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
        return new PutCountsBack(environment.withService(restart.parameters().get("service")), Integer.parseInt(count.get(0)), withGroup ? group : null,
                withGroup ? Integer.valueOf(capacity.get(0)) : null, restart.id(), RestartRequest.DEFAULT_TIMEOUT, services);
    }

    public static OperationFactory factory(RestartServices services) {
        return new OperationFactory() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public Operation create(Environment environment, Map<String, String> p) {
                String capacity = p.get("groupCapacity");
                return new PutCountsBack(environment.withService(p.get("service")), Integer.parseInt(p.get("count")), p.get("group"),
                        capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity), p.get("fromRun"),
                        // Journals written before the put-back waited have no timeout: they get the restart's default.
                        Duration.ofSeconds(Long.parseLong(p.getOrDefault("timeoutSeconds", Long.toString(RestartRequest.DEFAULT_TIMEOUT.toSeconds())))),
                        services);
            }
        };
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
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("count", Integer.toString(count));
        p.put("group", group == null ? "" : group);
        p.put("groupCapacity", groupCapacity == null ? "" : groupCapacity.toString());
        p.put("fromRun", fromRun);
        p.put("service", environment.service());
        p.put("timeoutSeconds", Long.toString(timeout.toSeconds()));
        return p;
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
