package dev.capstan.ops.taskdefs;

import dev.capstan.domain.TaskDefRevision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Two revisions side by side, field by field: images, environment, secrets, ports, resources, logging. */
public final class TaskDefDiff {
    public record Row(String field, String left, String right) {
        public Row {
            left = left == null ? "(not set)" : left;
            right = right == null ? "(not set)" : right;
        }

        public boolean changed() {
            return !Objects.equals(left, right);
        }
    }

    private TaskDefDiff() {
    }

    public static List<Row> diff(TaskDefRevision left, TaskDefRevision right) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("revision", left.name(), right.name()));
        rows.add(new Row("cpu", left.cpu(), right.cpu()));
        rows.add(new Row("memory", left.memory(), right.memory()));
        rows.add(new Row("networkMode", left.networkMode(), right.networkMode()));
        rows.add(new Row("requiresCompatibilities", String.join(", ", left.requiresCompatibilities()), String.join(", ", right.requiresCompatibilities())));
        Set<String> names = new LinkedHashSet<>();
        left.containers().forEach(c -> names.add(c.name()));
        right.containers().forEach(c -> names.add(c.name()));
        for (String name : names) {
            TaskDefRevision.Container a = find(left, name);
            TaskDefRevision.Container b = find(right, name);
            String prefix = name + ".";
            rows.add(row(prefix + "image", a, b, TaskDefRevision.Container::image));
            rows.add(row(prefix + "cpu", a, b, c -> c.cpu() == null ? null : c.cpu().toString()));
            rows.add(row(prefix + "memory", a, b, c -> c.memory() == null ? null : c.memory().toString()));
            rows.add(row(prefix + "essential", a, b, c -> Boolean.toString(c.essential())));
            rows.add(row(prefix + "ports", a, b, c -> c.ports().toString()));
            rows.add(row(prefix + "logDriver", a, b, TaskDefRevision.Container::logDriver));
            mapRows(rows, prefix + "log.", a, b, TaskDefRevision.Container::logOptions, false);
            mapRows(rows, prefix + "env.", a, b, TaskDefRevision.Container::environment, true);
            mapRows(rows, prefix + "secret.", a, b, TaskDefRevision.Container::secrets, false);
        }
        return rows;
    }

    private static TaskDefRevision.Container find(TaskDefRevision t, String name) {
        return t.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static Row row(String field, TaskDefRevision.Container a, TaskDefRevision.Container b,
                           Function<TaskDefRevision.Container, String> value) {
        return new Row(field, a == null ? "(no container)" : value.apply(a), b == null ? "(no container)" : value.apply(b));
    }

    /** One row per key on either side; environment values that look secret are masked on both sides. */
    private static void mapRows(List<Row> rows, String prefix, TaskDefRevision.Container a, TaskDefRevision.Container b,
                                Function<TaskDefRevision.Container, Map<String, String>> map, boolean maskSecrets) {
        Map<String, String> left = a == null ? Map.of() : map.apply(a);
        Map<String, String> right = b == null ? Map.of() : map.apply(b);
        Set<String> keys = new LinkedHashSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            String l = left.get(key);
            String r = right.get(key);
            if (maskSecrets && SecretNames.looksSecret(key)) {
                // Say whether a secret-looking value changed without showing either value.
                boolean same = Objects.equals(l, r);
                l = l == null ? null : same ? "•••• (same)" : "•••• (one value)";
                r = r == null ? null : same ? "•••• (same)" : "•••• (another value)";
            }
            rows.add(new Row(prefix + key, l == null ? "(not set)" : l, r == null ? "(not set)" : r));
        }
    }
}
