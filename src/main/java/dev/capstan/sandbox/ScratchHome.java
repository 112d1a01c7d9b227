package dev.capstan.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A home of its own for a Capstan process started to be measured or trained: a workspace with one
 * environment whose endpoint is a closed loopback port (a command that calls AWS fails at once, having loaded
 * what a call loads), AWS files with one profile of that name, and XDG folders, all inside {@code home}.
 */
public final class ScratchHome {
    private ScratchHome() {
    }

    /** Writes the files and returns the environment variables that point a Capstan process at them. */
    public static Map<String, String> write(Path home, String name) throws IOException {
        Path workspace = home.resolve("capstan.yaml");
        Files.writeString(workspace, """
                environments:
                - name: %1$s
                  profile: %1$s
                  region: us-east-1
                  endpoint: http://127.0.0.1:9
                  cluster: %1$s-cluster
                  service: %1$s-service
                """.formatted(name));
        Path aws = Files.createDirectories(home.resolve("aws"));
        Files.writeString(aws.resolve("config"), "[profile " + name + "]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"), "[" + name + "]\naws_access_key_id = " + name + "\naws_secret_access_key = " + name + "\n");
        return Map.of("CAPSTAN_WORKSPACE", workspace.toString(),
                "AWS_CONFIG_FILE", aws.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString());
    }
}
