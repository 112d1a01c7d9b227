package dev.capstan.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole Capstan CLI process, started as people start it, for the benchmarks that time one. */
final class CapstanProcess {
    private CapstanProcess() {
    }

    /** The installed launcher when this runs from it (so the CLI is timed as people run it), else this JVM's class path. */
    static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        launcher().ifPresentOrElse(launcher -> command.add(launcher.toString()), () -> command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.capstan.app.Launcher")));
        command.addAll(arguments);
        return command;
    }

    /** bin/capstan names itself; a JVM started some other way looks for the development folder's launcher beside its jars. */
    private static Optional<Path> launcher() {
        String named = System.getProperty("capstan.launcher");
        if (named != null && Files.isExecutable(Path.of(named))) {
            return Optional.of(Path.of(named));
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path lib = Path.of(entry).toAbsolutePath().getParent();
            if (lib != null && lib.getFileName() != null && lib.getFileName().toString().equals("lib")
                    && Files.isExecutable(lib.resolveSibling("bin").resolve("capstan"))) {
                return Optional.of(lib.resolveSibling("bin").resolve("capstan"));
            }
        }
        return Optional.empty();
    }

    /** A process of the command with these variables added, and none of the caller's extra JVM options. */
    static ProcessBuilder builder(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().remove("CAPSTAN_JAVA_OPTS");
        return builder;
    }

    /** Runs the command to its end and returns how long it took, in nanoseconds; a non-zero exit is an error. */
    static long time(List<String> command, Map<String, String> env, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(command, env).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        long took = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + "… exited " + exit + ": "
                    + Files.readString(log).lines().reduce((a, b) -> b).orElse(""));
        }
        return took;
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
