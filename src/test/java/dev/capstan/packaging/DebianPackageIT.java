package dev.capstan.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn package} built, unpacked with dpkg-deb into a temporary folder as it would lie in
 * /opt, and run from there with its own Java: its metadata, its desktop entry, and its launcher against moto.
 */
@ExtendWith(MotoExtension.class)
class DebianPackageIT {
    @TempDir
    static Path root;
    @TempDir
    Path home;
    private static Path deb;
    private static Path installed;

    @BeforeAll
    static void unpack() throws Exception {
        String name = "capstan_" + System.getProperty("capstan.version") + "_";
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("capstan.target")))) {
            deb = files.filter(f -> f.getFileName().toString().startsWith(name) && f.getFileName().toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new AssertionError("mvn package builds target/" + name + "<arch>.deb"));
        }
        assertThat(run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of()).code).isZero();
        installed = root.resolve("opt/capstan");
    }

    @Test
    void thePackageDeclaresItsDependencyAndADesktopEntry() throws Exception {
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Depends"), Map.of()).out)
                .contains("Package: capstan").contains("libgtk-3-0");
        Path desktop = installed.resolve("lib/capstan-Capstan.desktop");
        assertThat(Files.readString(desktop)).contains("Name=Capstan", "Comment=An operations console",
                "Exec=/opt/capstan/bin/Capstan", "Icon=/opt/capstan/lib/Capstan.png", "Categories=Development;System;");
        assertThat(installed.resolve("lib/Capstan.png")).exists();
        // The class-data archives come made: no first run pays for them.
        assertThat(installed.resolve("lib/app/cli.jsa")).isNotEmptyFile();
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/capstan"))).as("capstan on the PATH").isEqualTo(Path.of("/opt/capstan/bin/capstan"));
        Path scripts = Files.createDirectories(home.resolve("control"));
        run(List.of("dpkg-deb", "-e", deb.toString(), scripts.toString()), Map.of());
        assertThat(Files.readString(scripts.resolve("postinst"))).contains("xdg-desktop-menu install /opt/capstan/lib/capstan-Capstan.desktop");
        assertThat(Files.readString(scripts.resolve("prerm"))).contains("xdg-desktop-menu uninstall /opt/capstan/lib/capstan-Capstan.desktop");
        for (String script : List.of("postinst", "prerm", "preinst", "postrm")) {
            Path file = scripts.resolve(script);
            if (Files.exists(file)) {
                assertThat(run(List.of("sh", "-n", file.toString()), Map.of()).code).as("%s parses", script).isZero();
                assertThat(Files.readString(file)).as("%s has no placeholder jpackage left", script).doesNotContainPattern("\\n[A-Z_]{6,}\\n");
            }
        }
    }

    @Test
    void theLauncherRunsTheCliWithItsOwnJavaAndWritesOnlyToTheUsersFolders(MotoWorld moto) throws Exception {
        List<Path> before = filesUnder(installed);
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", moto.awsConfig().toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", moto.awsCredentials().toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("HOME", home.toString());
        String launcher = installed.resolve("bin/capstan").toString();

        Result version = run(List.of(launcher, "--version"), env);
        assertThat(version.code).isZero();
        assertThat(version.out.strip()).isEqualTo("capstan " + System.getProperty("capstan.version"));
        // -Xshare:on makes the JVM refuse to start if it cannot use the class-data archive: the archive made at
        // build time must still be valid in the folder the package was unpacked into.
        Map<String, String> archiveRequired = new HashMap<>(env);
        archiveRequired.put("CAPSTAN_JAVA_OPTS", "-Xshare:on");
        Result shared = run(List.of(launcher, "--version"), archiveRequired);
        assertThat(shared.code).as(shared.err).isZero();

        Result identity = run(List.of(launcher, "profiles", "test", MotoWorld.PROFILE), env);
        assertThat(identity.code).as(identity.err).isZero();
        assertThat(identity.out).contains("123456789012");

        Path workspace = home.resolve("capstan.yaml");
        Files.writeString(workspace, "environments:\n- name: packaged\n  profile: " + MotoWorld.PROFILE + "\n  region: " + MotoWorld.REGION
                + "\n  endpoint: " + moto.endpoint() + "\n  cluster: packaged-cluster\n  service: packaged-service\n");
        Result environments = run(List.of(launcher, "--workspace", workspace.toString(), "env", "list"), env);
        assertThat(environments.code).as(environments.err).isZero();
        assertThat(environments.out).contains("packaged", "packaged-cluster");

        assertThat(filesUnder(installed)).as("nothing is written into the install folder").isEqualTo(before);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().toList();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s ends", command).isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
