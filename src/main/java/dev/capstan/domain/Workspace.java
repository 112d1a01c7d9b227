package dev.capstan.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The environments a team keeps in its workspace file, with the file they came from. */
public record Workspace(Path source, List<Environment> environments) {
    public Workspace {
        environments = List.copyOf(environments);
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
