package dev.capstan.ops.runbook;

import dev.capstan.config.RunbookLoader;
import dev.capstan.config.WorkspaceException;
import dev.capstan.domain.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runbooks a team can walk: those shipped with Capstan, then those in the {@code runbooks/} folder
 * beside the workspace (a file of the same name replaces a built-in one). A malformed file is reported
 * with its line and left out; the others still load.
 */
public final class RunbookCatalog {
    /** The runbooks shipped in the jar, in the order the console lists them. */
    public static final List<String> BUILT_IN = List.of("update-region-data", "run-migrations", "confirm-deploy", "restart-services",
            "production-release");
    private final RunbookLoader loader;

    public RunbookCatalog(RunbookLoader loader) {
        this.loader = loader;
    }

    /** A runbook with the text it was read from (journaled with each run of it). */
    public record Entry(Runbook runbook, String text) {
    }

    public record Listing(List<Entry> runbooks, List<String> problems) {
        public Listing {
            runbooks = List.copyOf(runbooks);
            problems = List.copyOf(problems);
        }

        public Optional<Entry> find(String name) {
            return runbooks.stream().filter(e -> e.runbook().name().equals(name)).findFirst();
        }

        public Entry require(String name) {
            return find(name).orElseThrow(() -> new IllegalArgumentException("There is no runbook " + name + "; there are "
                    + String.join(", ", runbooks.stream().map(e -> e.runbook().name()).toList()) + "."));
        }
    }

    /** @param workspace the workspace file (its folder's runbooks/ is read), or null for the built-in ones only */
    public Listing list(Path workspace) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : BUILT_IN) {
            String text = builtInText(name);
            try {
                byName.put(name, new Entry(loader.parse(Path.of(name + ".yaml"), text, "built-in"), text));
            } catch (WorkspaceException e) {
                problems.add("built-in " + e.getMessage());
            }
        }
        Path folder = workspace == null ? null : workspace.toAbsolutePath().getParent().resolve("runbooks");
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    try {
                        Runbook runbook = loader.load(file);
                        byName.put(runbook.name(), new Entry(runbook, Files.readString(file)));
                    } catch (WorkspaceException | IOException e) {
                        problems.add(e.getMessage());
                    }
                }
            } catch (IOException e) {
                problems.add(folder + ": could not be listed: " + e.getMessage());
            }
        }
        return new Listing(List.copyOf(byName.values()), problems);
    }

    /** Writes the built-in runbooks into a folder for a team to edit; files already there are kept. Returns those written. */
    public List<Path> writeExamples(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (String name : BUILT_IN) {
            Path file = folder.resolve(name + ".yaml");
            if (!Files.exists(file)) {
                Files.writeString(file, builtInText(name));
                written.add(file);
            }
        }
        return written;
    }

    static String builtInText(String name) {
        try (InputStream in = RunbookCatalog.class.getResourceAsStream("/dev/capstan/runbooks/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("The built-in runbook " + name + " is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in runbook " + name + " could not be read: " + e.getMessage(), e);
        }
    }
}
