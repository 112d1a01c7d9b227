package dev.capstan.ops.runbook;

import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenDeploy;
import dev.capstan.ops.bluegreen.BlueGreenRollback;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.restart.RestartFactory;
import dev.capstan.ops.restart.RestartRequest;
import dev.capstan.ops.scale.ScaleServiceFactory;
import dev.capstan.ops.task.OneOffTaskFactory;
import dev.capstan.ops.task.TaskRunDefaults;
import dev.capstan.ops.task.TaskRunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The operations a runbook can call, with the parameters a person writes in a runbook file (the CLI's
 * words: count, command, region, from…), built the way the CLI builds them: defaults read from the live
 * estate, bad input refused with what to fix.
 */
public final class OperationCalls {
    private final Map<String, Call> calls = new LinkedHashMap<>();

    private record Call(Set<String> parameters, BiFunction<Environment, Map<String, String>, Operation> build) {
    }

    public OperationCalls(ScaleServiceFactory scale, OneOffTaskFactory tasks, RestartFactory restart, RegionData regions, BlueGreen blueGreen) {
        calls.put("service.scale", new Call(Set.of("count", "timeout"), (env, w) -> scale.scale(env, count(w, "count"),
                Durations.parse(w.getOrDefault("timeout", "10m")))));
        calls.put("task.run", new Call(Set.of("command", "service", "container", "syntax", "timeout"), (env, w) -> {
            TaskRunDefaults d = tasks.defaults(env, w.get("service"), null);
            CommandSyntax syntax = CommandSyntax.valueOf(w.getOrDefault("syntax", "auto").toUpperCase(java.util.Locale.ROOT));
            return tasks.task(env, new TaskRunRequest(d.service(), d.taskDefinition(), w.getOrDefault("container", d.container()),
                    CommandWords.split(required(w, "command"), syntax), Map.of(), d.subnets(), d.securityGroups(), d.assignPublicIp(), true,
                    Durations.parse(w.getOrDefault("timeout", "60m"))));
        }));
        calls.put("service.restart", new Call(Set.of("count", "health-log-pattern", "timeout", "leave-group"), (env, w) ->
                restart.restart(env, w.containsKey("count") ? count(w, "count") : null, w.get("health-log-pattern"),
                        w.containsKey("timeout") ? Durations.parse(w.get("timeout")) : RestartRequest.DEFAULT_TIMEOUT,
                        !Boolean.parseBoolean(w.getOrDefault("leave-group", "false")))));
        calls.put(BlueGreenDeploy.TYPE, new Call(Set.of("image", "timeout"), (env, w) -> blueGreen.deploy(env, required(w, "image"),
                w.containsKey("timeout") ? Durations.parse(w.get("timeout")) : BlueGreen.DEFAULT_TIMEOUT)));
        calls.put(BlueGreenRollback.TYPE, new Call(Set.of(), (env, w) -> blueGreen.rollback(env)));
        calls.put(RegionData.BACKUP, new Call(Set.of("uri"), (env, w) -> regions.backup(env, required(w, "uri"))));
        calls.put(RegionData.COPY, new Call(Set.of("from", "to", "backup", "mirror"), (env, w) -> regions.copyOver(env, required(w, "from"),
                required(w, "to"), w.get("backup"), Boolean.parseBoolean(w.getOrDefault("mirror", "false")))));
        calls.put(RegionData.RESTORE, new Call(Set.of("backup", "to", "mirror"), (env, w) -> regions.restore(env, required(w, "backup"),
                required(w, "to"), Boolean.parseBoolean(w.getOrDefault("mirror", "false")))));
        calls.put(RegionData.PUBLISH, new Call(Set.of("region", "from", "mirror"), (env, w) -> regions.publish(env, required(w, "region"),
                required(w, "from"), Boolean.parseBoolean(w.getOrDefault("mirror", "false")))));
        calls.put(RegionData.SET_URI, new Call(Set.of("region", "uri"), (env, w) -> regions.setUri(env, required(w, "region"), required(w, "uri"))));
        calls.put(RegionData.BUMP_VERSION, new Call(Set.of("region", "version"), (env, w) -> regions.bumpVersion(env, required(w, "region"),
                w.get("version"))));
    }

    public Set<String> names() {
        return calls.keySet();
    }

    /** Builds the operation (reading the estate for its defaults); a parameter it does not take is refused by name. */
    public Operation build(String name, Environment environment, Map<String, String> with) {
        Call call = calls.get(name);
        if (call == null) {
            throw new IllegalArgumentException("Capstan has no operation '" + name + "'; it has " + String.join(", ", names()) + ".");
        }
        for (String key : with.keySet()) {
            if (!call.parameters().contains(key)) {
                throw new IllegalArgumentException("The operation " + name + " takes no '" + key + "'; it takes "
                        + String.join(", ", call.parameters().stream().sorted().toList()) + ".");
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        with.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                given.put(k, v.strip());
            }
        });
        return call.build().apply(environment, given);
    }

    private static String required(Map<String, String> with, String key) {
        String value = with.get(key);
        if (value == null) {
            throw new IllegalArgumentException("The operation needs '" + key + "'.");
        }
        return value;
    }

    private static int count(Map<String, String> with, String key) {
        try {
            return Integer.parseInt(required(with, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + with.get(key) + "' (" + key + ") is not a whole number.");
        }
    }
}
