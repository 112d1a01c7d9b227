package dev.capstan.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's class-data training run: it runs, in one process, what a start loads (the CLI's commonest
 * read-only commands, or the console up to its first frame), so that the JVM writes the classes it loaded
 * into the archive the package ships ({@code -XX:ArchiveClassesAtExit}). Everything it reads or writes is in
 * a temporary folder it makes and removes ({@link dev.capstan.sandbox.ScratchHome}).
 *
 * <p>Arguments: {@code cli} or {@code console}.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("cli", "console").contains(args[0])) {
            System.err.println("usage: StartupTraining cli|console");
            System.exit(2);
        }
        Path home = Files.createTempDirectory("capstan-training-");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(dev.capstan.sandbox.ScratchHome.write(home, "training"));
            if (args[0].equals("console")) {
                env.put(dev.capstan.sandbox.StartupBenchmark.EXIT_WHEN_SHOWN, "1");
                Launcher.run(new String[0], env);
            } else {
                for (String[] command : List.of(new String[]{"--version"}, new String[]{"--help"}, new String[]{"env", "list"},
                        new String[]{"runs", "list"}, new String[]{"profiles", "list"}, new String[]{"lock", "status", "--env", "training"},
                        new String[]{"nonsense"})) {
                    Launcher.run(command, env);
                }
            }
        } finally {
            dev.capstan.sandbox.Trees.delete(home);
        }
        System.exit(0);
    }
}
