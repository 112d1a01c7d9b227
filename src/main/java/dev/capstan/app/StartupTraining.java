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
 * a temporary folder it makes and removes: a workspace with one environment, empty AWS files, XDG folders.
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
            Map<String, String> env = trainingEnvironment(home);
            if (args[0].equals("console")) {
                env.put(DesktopConsole.EXIT_WHEN_SHOWN, "1");
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

    private static Map<String, String> trainingEnvironment(Path home) throws java.io.IOException {
        Path workspace = home.resolve("capstan.yaml");
        // A closed loopback port: a command that calls AWS fails at once, having loaded what a call loads.
        Files.writeString(workspace, """
                environments:
                - name: training
                  profile: training
                  region: us-east-1
                  endpoint: http://127.0.0.1:9
                  cluster: training-cluster
                  service: training-service
                """);
        Path aws = Files.createDirectories(home.resolve("aws"));
        Files.writeString(aws.resolve("config"), "[profile training]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"), "[training]\naws_access_key_id = training\naws_secret_access_key = training\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CAPSTAN_WORKSPACE", workspace.toString());
        env.put("AWS_CONFIG_FILE", aws.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        return env;
    }
}
