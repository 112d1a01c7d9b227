package dev.capstan.ops.deploy;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The environment's pre- and post-deploy commands: each a command line of the workspace run with sh on this machine (it
 * must be on the PATH), its output in the run's log; a non-zero exit fails the deploy there. The values reach it as
 * environment variables ({@code CAPSTAN_ENV}, {@code CAPSTAN_IMAGE}, {@code CAPSTAN_REVISION}), and where the command
 * writes {env}, {image} or {revision} each is put in as one single-quoted shell word: a value is never read by the shell
 * as code, whatever it holds. Commands must be safe to run again: a resumed deploy repeats the step that was cut short.
 *
 * <p>The output is read on a thread of its own, so a command that hangs without a word still meets its
 * timeout and the run's cancel: either kills the command and everything it started.
 */
public final class LocalCommand implements Step {
    /** The fact every deploy journals its new revision under: what {revision} stands for. */
    public static final String NEW_REVISION = "newTaskDefinition";
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** How often the wait looks at the deadline and at cancel while the command runs. */
    private static final Duration LOOK = Duration.ofMillis(200);
    private final String id;
    private final List<String> commands;
    private final Map<String, String> values;
    private final Duration timeout;
    private final Clock clock;

    /** The environment's pre-deploy commands as a step, or none when it names none. */
    public static List<Step> preDeploy(Environment environment, String image) {
        return around("pre-deploy", environment.deployment().preDeploy(), environment, image);
    }

    /** The environment's post-deploy commands as a step, or none when it names none. */
    public static List<Step> postDeploy(Environment environment, String image) {
        return around("post-deploy", environment.deployment().postDeploy(), environment, image);
    }

    private static List<Step> around(String id, List<String> commands, Environment environment, String image) {
        return commands.isEmpty() ? List.of() : List.of(new LocalCommand(id, commands, Map.of("env", environment.name(), "image", image)));
    }

    public LocalCommand(String id, List<String> commands, Map<String, String> values) {
        this(id, commands, values, TIMEOUT, Clock.systemUTC());
    }

    /** @param clock what the timeout is measured by (a test's moves only when the test says) */
    LocalCommand(String id, List<String> commands, Map<String, String> values, Duration timeout, Clock clock) {
        this.id = id;
        this.commands = List.copyOf(commands);
        this.values = Map.copyOf(values);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Run the " + (id.startsWith("pre") ? "pre" : "post") + "-deploy command" + (commands.size() == 1 ? "" : "s")
                + " the workspace names").withDetails(commands.stream().map(c -> "$ " + c).toList());
    }

    /** The values a command may use, by placeholder name; those known only later (the revision) read from the journal. */
    private Map<String, String> values(StepContext context) {
        return Map.of("env", values.getOrDefault("env", ""), "image", values.getOrDefault("image", ""),
                "revision", context.fact(NEW_REVISION).orElse(""));
    }

    /** Each placeholder as one single-quoted word: the shell takes it as data, never as code. */
    static String fill(String command, Map<String, String> values) {
        String filled = command;
        for (var value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", quoted(value.getValue()));
        }
        return filled;
    }

    /** A POSIX shell word that is exactly {@code value}: in single quotes, each quote in it closed, escaped and reopened. */
    static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public String run(StepContext context) throws Exception {
        Map<String, String> now = values(context);
        for (String template : commands) {
            String command = fill(template, now);
            context.log("$ " + command);
            ProcessBuilder shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
            now.forEach((name, value) -> shell.environment().put("CAPSTAN_" + name.toUpperCase(java.util.Locale.ROOT), value));
            Process process = shell.start();
            Thread output = pumpOutput(process, context);
            try {
                awaitExit(process, command, context);
                output.join(LOOK.toMillis());
            } finally {
                if (process.isAlive()) {
                    kill(process);
                }
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("\"" + command + "\" exited " + process.exitValue() + "; the deploy stops here.");
            }
        }
        return commands.size() == 1 ? "The command exited 0" : "All " + commands.size() + " commands exited 0";
    }

    /** Waits for the command to end; past the timeout, or on cancel (which throws from the pause), it is killed. */
    private void awaitExit(Process process, String command, StepContext context) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (process.isAlive()) {
            if (!clock.instant().isBefore(deadline)) {
                kill(process);
                throw new IllegalStateException("\"" + command + "\" did not finish within " + describe(timeout) + "; it was stopped.");
            }
            context.pause(LOOK);
        }
    }

    /** Each line of the command's output into the run's log as it comes, on a daemon thread that ends with the output. */
    private static Thread pumpOutput(Process process, StepContext context) {
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    context.log(line);
                }
            } catch (IOException e) {
                if (process.isAlive()) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "capstan-command-output");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    /** The shell and whatever it started: killing sh alone would leave its children holding the output open. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
