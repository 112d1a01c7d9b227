package dev.capstan.ops.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every check Capstan has, by kind. */
public final class Checks {
    private final Map<String, Check> byKind = new LinkedHashMap<>();

    public Checks(CheckServices services) {
        for (Check check : List.of(new ServiceRevisionCheck(services), new TasksRunningCheck(services), new TasksStartedAfterCheck(services),
                new TargetsHealthyCheck(services), new NoLogLinesCheck(services), new LogLinePerTaskCheck(services), new HttpGetCheck(services),
                new RegionRowCheck(services))) {
            byKind.put(check.kind(), check);
        }
    }

    public Set<String> kinds() {
        return byKind.keySet();
    }

    public Optional<Check> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Check require(String kind) {
        return get(kind).orElseThrow(() -> new IllegalArgumentException("Capstan has no check '" + kind + "'; it has "
                + String.join(", ", kinds()) + "."));
    }
}
