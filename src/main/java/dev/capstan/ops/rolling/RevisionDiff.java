package dev.capstan.ops.rolling;

import dev.capstan.domain.TaskDefRevision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changes between the revision that runs and the one a rollback goes back to: images, environment (values of names that
 * look secret are masked), secrets' sources, CPU and memory. One line per difference, "what: now → after".
 */
final class RevisionDiff {
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(pass|secret|token|key|credential|auth|private).*");
    private static final String MASK = "••••";

    private RevisionDiff() {
    }

    static List<String> between(TaskDefRevision now, TaskDefRevision after) {
        List<String> lines = new ArrayList<>();
        differ(lines, "task CPU", now.cpu(), after.cpu());
        differ(lines, "task memory", now.memory(), after.memory());
        Set<String> names = new LinkedHashSet<>();
        now.containers().forEach(c -> names.add(c.name()));
        after.containers().forEach(c -> names.add(c.name()));
        for (String name : names) {
            TaskDefRevision.Container a = container(now, name);
            TaskDefRevision.Container b = container(after, name);
            if (a == null || b == null) {
                lines.add("container " + name + ": " + (a == null ? "absent" : "present") + " → " + (b == null ? "absent" : "present"));
                continue;
            }
            differ(lines, name + " image", shortImage(a.image()), shortImage(b.image()));
            differ(lines, name + " CPU", a.cpu(), b.cpu());
            differ(lines, name + " memory", a.memory(), b.memory());
            maps(lines, name + " environment ", a.environment(), b.environment(), true);
            maps(lines, name + " secret ", a.secrets(), b.secrets(), false);
        }
        return lines;
    }

    private static TaskDefRevision.Container container(TaskDefRevision revision, String name) {
        return revision.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static void differ(List<String> lines, String what, Object now, Object after) {
        if (!Objects.equals(now, after)) {
            lines.add(what + ": " + shown(now) + " → " + shown(after));
        }
    }

    private static void maps(List<String> lines, String what, Map<String, String> now, Map<String, String> after, boolean mask) {
        Set<String> keys = new LinkedHashSet<>(now == null ? Set.of() : now.keySet());
        if (after != null) {
            keys.addAll(after.keySet());
        }
        for (String key : keys) {
            String a = now == null ? null : now.get(key);
            String b = after == null ? null : after.get(key);
            if (!Objects.equals(a, b)) {
                boolean hide = mask && SECRET_LOOKING.matcher(key).matches();
                lines.add(what + key + ": " + (hide && a != null ? MASK : shown(a)) + " → " + (hide && b != null ? MASK : shown(b)));
            }
        }
    }

    /** repository:tag, what people compare; the registry is the same on both sides far more often than not. */
    private static String shortImage(String image) {
        return image == null ? null : image.substring(image.lastIndexOf('/') + 1);
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
